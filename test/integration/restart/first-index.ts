import { runSession } from './session';

export const run = () => runSession('first-session.test.js');
