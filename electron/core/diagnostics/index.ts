export { exportDiagnostics, type DiagnosticsInput, type DiagnosticsResult } from './export';
