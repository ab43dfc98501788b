// `sanjeh alerts run`: the alerting loop on its own (availability events → incidents → deliveries),
// until SIGTERM. `sanjeh alerts subscribe`: adds a subscription, its channel settings validated.
import { parseArgs } from 'node:util';
import { loadConfig } from '../../../config/env.ts';
import { agencyBySlug } from '../../../db/store/agencies.ts';
import { saveSubscription } from '../../../db/store/alert-subscriptions.ts';
import { runAlerts } from '../../alerts/run-from-config.ts';
import { createLogger } from '../../runtime/logger.ts';
import { openStore } from '../../runtime/open-store.ts';
import { trapSignals } from '../../runtime/shutdown.ts';
import { UsageError, type CliCommand } from '../command.ts';

export const alertsRunCommand: CliCommand = {
  name: ['alerts', 'run'],
  usage: 'alerts run',
  summary: 'run the alerting loop (incidents, notifications) until SIGTERM',
  async run(argv) {
    const signals = trapSignals(); // first: a SIGTERM during start-up is honoured, not fatal
    parseArgs({ args: argv, options: {}, strict: true });
    const config = loadConfig();
    const logger = createLogger(config, 'sanjeh-alerts');
    const db = await openStore(config, logger, { seed: false });
    const loop = runAlerts(config, db, logger);
    console.log('Sanjeh alerts running');
    await signals.closeWith([loop, { name: 'database', close: () => db.close() }], logger);
    return 0;
  },
};

const channelOf = (v: Record<string, string | boolean | undefined>): unknown => {
  switch (v['channel']) {
    case 'webhook': return { channel: 'webhook', url: v['url'], secret: v['secret'] };
    case 'email': return { channel: 'email', to: String(v['to'] ?? '').split(',').map((s) => s.trim()).filter(Boolean) };
    case 'bale': return { channel: 'bale', chatId: v['chat'] };
    default: throw new UsageError('--channel: expected webhook, email or bale');
  }
};

export const alertsSubscribeCommand: CliCommand = {
  name: ['alerts', 'subscribe'],
  usage: 'alerts subscribe (--agency SLUG | --operators) --channel webhook|email|bale [--url U --secret S] [--to a@x,b@y] [--chat ID] [--locale fa|en]',
  summary: 'subscribe an agency (or the operators) to notifications on one channel',
  async run(argv) {
    const { values: v } = parseArgs({ args: argv, strict: true, options: {
      agency: { type: 'string' }, operators: { type: 'boolean' }, channel: { type: 'string' }, url: { type: 'string' },
      secret: { type: 'string' }, to: { type: 'string' }, chat: { type: 'string' }, locale: { type: 'string', default: 'fa' } } });
    if (!v.agency === !v.operators) throw new UsageError('give exactly one of --agency SLUG or --operators');
    if (v.locale !== 'fa' && v.locale !== 'en') throw new UsageError('--locale: expected fa or en');
    const config = loadConfig();
    const db = await openStore(config, createLogger(config, 'sanjeh'), { seed: false });
    try {
      const agency = v.agency ? await agencyBySlug(db, v.agency) : null;
      if (v.agency && !agency) throw new UsageError(`--agency: unknown agency "${v.agency}"`);
      const saved = await saveSubscription(db, { agencyId: agency?.id ?? null, locale: v.locale, config: channelOf(v) });
      if (!saved.ok) throw new UsageError(saved.reason);
      console.log(`subscription ${saved.id} saved`);
      return 0;
    } finally {
      await db.close();
    }
  },
};
