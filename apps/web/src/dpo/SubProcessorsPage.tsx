import { SubProcessors } from '../admin/SubProcessors';

export default function SubProcessorsPage() {
  return <SubProcessors canRecord />;
}
