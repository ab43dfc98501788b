// Concrete advice for reaching the next grade: what holds the grade where it is, worst first.
import type { TlsFacts } from './facts.ts';
import { letters, type Letter, type TlsGradeSymbol } from './grade.ts';
import type { TlsScores } from './scores.ts';
import type { Text } from './rules/rule.ts';
import type { Finding } from './rate.ts';

type AdviceInput = {
  grade: TlsGradeSymbol; gradeIgnoringTrust: TlsGradeSymbol; letter: Letter;
  scores: TlsScores; findings: readonly Finding[]; hsts: TlsFacts['hsts'];
};

const sendHsts: Text = {
  fa: 'سرآیند Strict-Transport-Security با max-age=15552000 یا بیشتر بفرستید',
  en: 'Send Strict-Transport-Security with max-age ≥ 15552000',
};

function scoreAdvice(s: TlsScores): Text[] {
  const out: Text[] = [];
  if (s.protocol < 100) out.push({ fa: 'پروتکل‌های قدیمی را غیرفعال کنید و TLS 1.2/1.3 را نگه دارید', en: 'Disable old protocols; keep TLS 1.2 and 1.3' });
  if (s.keyExchange < 90) out.push({ fa: 'کلید و پارامترهای DH را دست‌کم ۲۰۴۸ بیتی کنید', en: 'Use keys and DH parameters of at least 2048 bits' });
  if (s.cipher < 80) out.push({ fa: 'رمزهای کمتر از ۱۲۸ بیت را غیرفعال کنید', en: 'Disable ciphers weaker than 128 bits' });
  return out;
}

const capRank = (f: Finding) => (f.cap ? -letters.indexOf(f.cap) : 1);

/** Several rules can share one piece of advice (RC4 caps at B and C): say it once. */
export function nextGradeAdvice(a: AdviceInput): Text[] {
  const seen = new Set<string>();
  return adviceList(a).filter((t) => !seen.has(t.en) && seen.add(t.en));
}

function adviceList(a: AdviceInput): Text[] {
  const byKind = (k: Finding['kind']) => a.findings.filter((f) => f.kind === k).map((f) => f.advice);
  if (a.grade === 'M' || a.grade === 'T') return [...byKind('mismatch'), ...byKind('trust')];
  if (a.gradeIgnoringTrust === 'A+') return [];
  if (a.gradeIgnoringTrust === 'A-') return byKind('warning');
  if (a.gradeIgnoringTrust === 'A') return a.hsts.status === 'present' ? byKind('warning') : [sendHsts];
  const caps = a.findings.filter((f) => f.kind === 'cap').sort((x, y) => capRank(x) - capRank(y)).map((f) => f.advice);
  const target = letters[letters.indexOf(a.gradeIgnoringTrust as Letter) - 1] ?? 'A';
  const scoreHolds = letters.indexOf(a.letter) > letters.indexOf(target);
  return [...caps, ...(scoreHolds ? scoreAdvice(a.scores) : [])];
}
