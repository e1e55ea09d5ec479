import { BreachRegister } from './BreachRegister';

export default function BreachesPage() {
  return <BreachRegister canAct />;
}
