/** The app's version, from package.json at build time (the Electron shell uses app.getVersion()). */
import packageJson from '../../../package.json' with { type: 'json' };

export const APP_VERSION: string = packageJson.version;
/** Graph's logTeleconferenceDeviceQuality requires a User-Agent "ApplicationName/Version"; config `userAgent` overrides it. */
export const USER_AGENT = `VTCQualityMonitor/${APP_VERSION}`;
