import { chromium, expect, type Browser, type Locator, type Page } from '@playwright/test';
import type { LineStateName } from '../../../shared/phone/line-state';
import { startWebHost, type WebHost } from '../../fixtures/stack';
import { CHROMIUM } from '../../../playwright.config';
import { installAudioProbe, levels } from './phone-audio-probe';
import { TONES, type Tone } from './phone-tones';

/** Chromium as a phone party: fake microphone from a file, autoplay, no throttling in the background. */
export function partyChromiumArgs(toneFile: string): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-audio-capture=${toneFile}`,
    '--autoplay-policy=no-user-gesture-required',
    '--disable-background-networking',
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
    '--disable-features=WebRtcHideLocalIpsWithMdns',
    '--allow-loopback-in-peer-connection',
  ];
}

export interface PartyOptions {
  name: string;
  username: string;
  /** The account's id, when the test needs it (monitoring grants name agents by id). */
  userId?: string;
  /** Default agent. */
  role?: 'agent' | 'supervisor' | 'trainer';
  password: string;
  tone: Tone;
  toneFile: string;
  serverUrl: string;
  /** Runs before the console opens: e.g. to route the host bridge (page.routeWebSocket). */
  beforeOpen?: (page: Page) => Promise<void>;
}

/** A received tone is about -20 dBFS; silence is below -52. The thresholds leave margin both ways. */
const HEARD_DB = -35;
const SILENT_DB = -50;

/**
 * One person at a console: their own Chromium process (one fake microphone per process), their
 * own web host (one signed-in person per host, like one agent's machine), signed in as their own
 * user. The methods say what a person does and notices: dial, answer, hold, hears(660).
 */
export class Party {
  private constructor(
    readonly name: string,
    readonly username: string,
    readonly userId: string | null,
    readonly tone: Tone,
    readonly page: Page,
    private readonly browser: Browser,
    private readonly host: WebHost,
  ) {}

  static async start(opts: PartyOptions): Promise<Party> {
    const [browser, host] = await Promise.all([
      chromium.launch({ executablePath: CHROMIUM, headless: true, args: partyChromiumArgs(opts.toneFile) }),
      startWebHost(opts.serverUrl),
    ]);
    try {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      await installAudioProbe(page);
      await opts.beforeOpen?.(page);
      await page.goto(host.launchUrl);
      await page.getByTestId('signin-username').fill(opts.username);
      await page.getByTestId('signin-password').fill(opts.password);
      await page.getByTestId('signin-submit').click();
      // Generous: several parties sign in at once (scrypt on the server, a page load each).
      await expect(page.getByTestId(`workspace-${opts.role ?? 'agent'}`)).toBeVisible({ timeout: 30_000 });
      return new Party(opts.name, opts.username, opts.userId ?? null, opts.tone, page, browser, host);
    } catch (error) {
      await browser.close().catch(() => undefined);
      await host.stop().catch(() => undefined);
      throw error;
    }
  }

  // ——— what the agent sees ———

  status(): Locator {
    return this.page.getByTestId('phone-status');
  }

  line(n: 1 | 2): Locator {
    return this.page.getByTestId(`line-${n}`);
  }

  /** The phone is registered (the status bar says so on every workspace). */
  async isReady(timeout = 20_000): Promise<void> {
    await expect(this.page.getByTestId('status-phone')).toHaveAttribute('data-status', 'registered', { timeout });
  }

  async expectLine(n: 1 | 2, state: LineStateName | RegExp, timeout = 15_000): Promise<void> {
    await expect(this.line(n)).toHaveAttribute('data-state', state, { timeout });
  }

  /** The line's call is over: ended (with its cause showing) or already back to idle. */
  async expectLineOver(n: 1 | 2, timeout = 15_000): Promise<void> {
    await this.expectLine(n, /^(ended|idle)$/, timeout);
  }

  /** The call on the line ended for this reason (the cause shows while the line says "ended"). */
  async expectEnded(n: 1 | 2, cause: string | RegExp, timeout = 15_000): Promise<void> {
    await expect(this.line(n)).toHaveAttribute('data-cause', cause, { timeout });
  }

  /**
   * Records every value the phone status takes from now on, so a brief state (unregistered for a
   * second during a reconnect) is seen even if it passes between two polls.
   */
  async recordStatus(): Promise<() => Promise<string[]>> {
    await this.page.evaluate(() => {
      const element = document.querySelector('[data-testid="phone-status"]');
      const seen: string[] = [element?.getAttribute('data-status') ?? ''];
      (window as unknown as { __statusSeen: string[] }).__statusSeen = seen;
      const observer = new MutationObserver(() => {
        const now = document.querySelector('[data-testid="phone-status"]')?.getAttribute('data-status') ?? '';
        if (seen[seen.length - 1] !== now) seen.push(now);
      });
      observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-status'], childList: true });
    });
    return () => this.page.evaluate(() => (window as unknown as { __statusSeen: string[] }).__statusSeen);
  }

  /**
   * The console's customer cache holds this customer: searching their number finds them. (A
   * screen-pop can only name customers the cache already has.) Leaves the search box empty.
   */
  async hasCustomer(number: string, name: string, timeout = 60_000): Promise<void> {
    const search = this.page.getByTestId('customer-search');
    await expect(async () => {
      await search.fill('');
      await search.fill(number);
      await expect(this.page.getByTestId('customer-result').filter({ hasText: name })).not.toHaveCount(0, { timeout: 2_000 });
    }).toPass({ timeout });
    await search.fill('');
  }

  // ——— what the agent does ———

  async dial(who: Party | string): Promise<void> {
    await this.page.getByTestId('phone-dial-input').fill(typeof who === 'string' ? who : who.username);
    await this.page.getByTestId('phone-dial').click();
  }

  async answer(n: 1 | 2 = 1): Promise<void> {
    await this.expectLine(n, 'ringing-in');
    await this.line(n).getByTestId('line-answer').click();
    await this.expectLine(n, 'active');
  }

  async hangUp(n: 1 | 2 = 1): Promise<void> {
    await this.line(n).getByTestId('line-hangup').click();
  }

  async hold(n: 1 | 2 = 1): Promise<void> {
    await this.expectLine(n, 'active');
    await this.line(n).getByTestId('line-hold').click();
    await this.expectLine(n, 'held');
  }

  async resume(n: 1 | 2 = 1): Promise<void> {
    await this.expectLine(n, 'held');
    await this.line(n).getByTestId('line-hold').click();
    await this.expectLine(n, 'active');
  }

  async mute(n: 1 | 2 = 1): Promise<void> {
    await this.line(n).getByTestId('line-mute').click();
    await expect(this.line(n).getByTestId('line-mute')).toHaveAttribute('aria-pressed', 'true');
  }

  async unmute(n: 1 | 2 = 1): Promise<void> {
    await this.line(n).getByTestId('line-mute').click();
    await expect(this.line(n).getByTestId('line-mute')).toHaveAttribute('aria-pressed', 'false');
  }

  async openSettings(): Promise<void> {
    const settings = this.page.locator('details.phone-more').first();
    if ((await settings.getAttribute('open')) === null) await settings.locator('summary').click();
  }

  async chooseDtmf(transport: 'rfc4733' | 'info'): Promise<void> {
    await this.openSettings();
    await this.page.getByTestId('phone-dtmf-transport').selectOption(transport);
  }

  /** Picks the first named microphone and speaker that are not the system default; returns their ids. */
  async chooseDevices(): Promise<{ input: string; output: string }> {
    await this.openSettings();
    const chosen = { input: '', output: '' };
    for (const [which, testId] of [
      ['input', 'phone-input-device'],
      ['output', 'phone-output-device'],
    ] as const) {
      const select = this.page.getByTestId(testId);
      await expect(select.locator('option')).not.toHaveCount(1);
      await select.selectOption({ index: 1 });
      chosen[which] = await select.inputValue();
    }
    return chosen;
  }

  async pressKeys(n: 1 | 2, keys: string): Promise<void> {
    const keypad = this.line(n).getByTestId('line-keypad');
    if (!(await keypad.isVisible())) await this.line(n).getByTestId('line-dtmf').click();
    for (const key of keys) {
      const id = key === '*' ? 'star' : key === '#' ? 'hash' : key;
      await keypad.getByTestId(`dtmf-key-${id}`).click();
    }
  }

  async openTransfer(n: 1 | 2, to: Party | string): Promise<Locator> {
    await this.line(n).getByTestId('line-transfer').click();
    const form = this.line(n).getByTestId('line-transfer-form');
    await form.getByTestId('line-transfer-input').fill(typeof to === 'string' ? to : to.username);
    return form;
  }

  // ——— what the agent hears ———

  /** Waits until this party hears `tone` on the call (received ≈ -20 dBFS). */
  async hears(tone: Tone, timeout = 10_000): Promise<void> {
    await expect
      .poll(async () => (await levels(this.page, [tone], 300))[tone], { timeout, message: `${this.name} should hear ${tone} Hz` })
      .toBeGreaterThan(HEARD_DB);
  }

  /** Waits until `tone` is absent from everything this party receives, over a whole window. */
  async doesNotHear(tone: Tone, timeout = 10_000): Promise<void> {
    await expect
      .poll(async () => (await levels(this.page, [tone], 800))[tone], { timeout, message: `${this.name} should not hear ${tone} Hz` })
      .toBeLessThan(SILENT_DB);
  }

  /**
   * What reaches this console's speaker, not merely what arrives over the network: a supervisor's
   * voice always arrives at the agent's phone on the monitoring leg, and the mode decides whether
   * the phone plays it.
   */
  async speakerPlays(tone: Tone, timeout = 10_000): Promise<void> {
    await expect
      .poll(async () => (await levels(this.page, [tone], 300, 'speaker'))[tone], { timeout, message: `${this.name}'s speaker should play ${tone} Hz` })
      .toBeGreaterThan(HEARD_DB);
  }

  async speakerSilentFor(tone: Tone, timeout = 10_000): Promise<void> {
    await expect
      .poll(async () => (await levels(this.page, [tone], 800, 'speaker'))[tone], { timeout, message: `${this.name}'s speaker should not play ${tone} Hz` })
      .toBeLessThan(SILENT_DB);
  }

  /** Hears exactly the expected tones among the three parties' tones (its own never comes back). */
  async hearsOnly(...tones: Tone[]): Promise<void> {
    for (const tone of tones) await this.hears(tone);
    for (const tone of TONES.filter((t) => !tones.includes(t))) await this.doesNotHear(tone);
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.host.stop().catch(() => undefined);
  }
}
