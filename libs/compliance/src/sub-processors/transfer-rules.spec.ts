import { transferProblem } from './transfer-rules';

describe('transfer rules', () => {
  it('needs nothing inside the UK and the EEA', () => {
    expect(transferProblem('GB', null)).toBeNull();
    expect(transferProblem('DE', null)).toBeNull();
    expect(transferProblem('NO', null)).toBeNull();
  });

  it('needs a mechanism outside, and adequacy only where a decision exists', () => {
    expect(transferProblem('IN', null)).toMatch(/outside the UK and the EEA/);
    expect(transferProblem('IN', 'adequacy')).toMatch(/no adequacy decision/);
    expect(transferProblem('IN', 'sccs')).toBeNull();
    expect(transferProblem('JP', 'adequacy')).toBeNull();
    expect(transferProblem('PH', 'bcrs')).toBeNull();
  });
});
