/** The app's version, from package.json at build time (the Electron shell uses app.getVersion()). */
import packageJson from '../../../package.json' with { type: 'json' };

export const APP_VERSION: string = packageJson.version;
export const USER_AGENT = `VTCQualityMonitor/${APP_VERSION}`;
