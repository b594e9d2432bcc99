// Bundled into every door (Electron, CLI, server) from the one place the version is kept.
import { version } from '../package.json';

export const appVersion: string = version;
