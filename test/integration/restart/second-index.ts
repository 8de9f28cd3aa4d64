import { runSession } from './session';

export const run = () => runSession('second-session.test.js');
