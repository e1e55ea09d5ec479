export { Clock, ClockModule, ManualClock, SystemClock } from './clock';
