import { expect, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS, type DemoAccount } from '../../../shared/domain/demo-accounts';
import type { Language, Role } from '../../../shared/domain/user';
import type { WebHost } from '../../fixtures/stack';

export const demo = (role: Role): DemoAccount => {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!account) throw new Error(`no demo account for ${role}`);
  return account;
};

/** The console as a person uses it, in their words: sign in, choose a language, see a workspace. */
export class ConsoleApp {
  private constructor(
    readonly page: Page,
    readonly host: WebHost,
  ) {}

  static async open(page: Page, host: WebHost): Promise<ConsoleApp> {
    await page.goto(host.launchUrl);
    return new ConsoleApp(page, host);
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.page.getByTestId('signin-username').fill(username);
    await this.page.getByTestId('signin-password').fill(password);
    await this.page.getByTestId('signin-submit').click();
  }

  async signInAs(role: Role): Promise<DemoAccount> {
    const account = demo(role);
    await this.signIn(account.username, account.password);
    await expect(this.workspace(role)).toBeVisible();
    return account;
  }

  workspace(role: Role) {
    return this.page.getByTestId(`workspace-${role}`);
  }

  async chooseLanguageOnSignIn(language: Language): Promise<void> {
    await this.page.getByTestId('signin-language').selectOption(language);
  }

  async chooseLanguageInWorkspace(language: Language): Promise<void> {
    await this.page.getByTestId('language-menu').selectOption(language);
  }

  async signOut(): Promise<void> {
    await this.page.getByTestId('signout').click();
    await expect(this.page.getByTestId('signin-submit')).toBeVisible();
  }

  /** Sends a raw frame over the page's own bridge connection and returns the host's reply. */
  async rawBridgeCall(frame: unknown): Promise<unknown> {
    return this.page.evaluate(async (f) => {
      const ws = new WebSocket(`ws://${location.host}/bridge`);
      await new Promise((ok, ko) => {
        ws.onopen = ok;
        ws.onerror = () => ko(new Error('bridge refused the connection'));
      });
      const reply = new Promise((ok) => {
        ws.onmessage = (m) => {
          const data = JSON.parse(String(m.data));
          if (data.type === 'result') ok(data);
        };
      });
      ws.send(typeof f === 'string' ? f : JSON.stringify(f));
      const result = await reply;
      ws.close();
      return result;
    }, frame);
  }
}
