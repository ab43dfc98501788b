// Guide 2009r §4: export cipher suites accepted → F.
import { suiteCap } from './suite-cap.ts';

export const capFExportSuites = suiteCap({
  id: 'cap-f-export-suites',
  cap: 'F',
  clause: 'export suites → F',
  message: { fa: 'مجموعه‌رمزهای EXPORT پذیرفته می‌شوند', en: 'Export cipher suites are accepted' },
  advice: { fa: 'مجموعه‌رمزهای EXPORT را غیرفعال کنید', en: 'Disable export cipher suites' },
  test: (s) => s.export,
});
