import { css, html, LitElement, nothing } from 'lit';
import { define } from '../src/elements/shared/define.js';
import { createMemorialAdminClient, MemorialHttpError, type MemorialAdminClient } from '../src/sdk/index.js';
import type { StaffMe } from '../src/contract/index.js';

type View = 'loading' | 'setup' | 'sign-in' | 'enrol' | 'home';

/**
 * The staff console shell: first-admin setup from the printed link, sign-in (with TOTP when the
 * account has it), TOTP enrolment (admins must), who is signed in, sign-out. The screens of
 * the console (moderation, casework, …) are to come; they use the same admin client.
 */
export class MemorialConsole extends LitElement {
  static override properties = {
    apiBase: { attribute: 'api-base' },
    view: { state: true },
    me: { state: true },
    error: { state: true },
    needsCode: { state: true },
    enrolment: { state: true },
    recoveryCodes: { state: true },
  };

  static override styles = css`
    :host { display: block; font: 1em/1.5 system-ui, sans-serif; color: #1a1a1a; max-width: 36em; margin: 0 auto; padding: 1em; }
    h1 { font-size: 1.5em; margin: 0 0 0.75em; }
    form { display: grid; gap: 0.75em; }
    label { display: grid; gap: 0.25em; font-weight: 600; }
    input { font: inherit; padding: 0.5em; min-height: 44px; box-sizing: border-box; border: 1px solid #595959; border-radius: 4px; }
    button { font: inherit; min-height: 44px; padding: 0 1.25em; border-radius: 4px; border: 1px solid #8b0000; background: #8b0000; color: #fff; cursor: pointer; }
    button.secondary { background: #fff; color: #8b0000; }
    :focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
    [role='alert'] { color: #8b0000; font-weight: 600; }
    code, pre { font-family: ui-monospace, monospace; word-break: break-all; white-space: pre-wrap; }
    ul { padding-left: 1.25em; }
    .actions { display: flex; flex-wrap: wrap; gap: 0.75em; margin-top: 1em; }
  `;

  apiBase = '';
  view: View = 'loading';
  me: StaffMe | null = null;
  error = '';
  needsCode = false;
  enrolment: { secret: string; uri: string } | null = null;
  recoveryCodes: string[] = [];
  #setupToken = '';
  #client: MemorialAdminClient | null = null;

  get client(): MemorialAdminClient {
    this.#client ??= createMemorialAdminClient({ baseUrl: this.apiBase || location.origin, retry: 0, csrfToken: sessionStorage.getItem('memorial-csrf') ?? undefined });
    return this.#client;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The setup token travels in the fragment, which browsers never send to a server or a log.
    const m = /^#setup=([\w-]+)$/.exec(location.hash);
    if (m) {
      this.#setupToken = m[1]!;
      history.replaceState(null, '', location.pathname + location.search);
      this.view = 'setup';
      return;
    }
    void this.#refresh();
  }

  async #refresh(): Promise<void> {
    try {
      this.me = await this.client.staff.me();
      this.view = this.me.totpRequired && !this.me.secondFactor ? 'enrol' : 'home';
    } catch {
      this.me = null;
      this.view = 'sign-in';
    }
  }

  #fail(err: unknown): void {
    this.error = err instanceof MemorialHttpError ? err.message : 'The server could not be reached';
  }

  async #setup(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    try {
      await this.client.staff.setup({ setupToken: this.#setupToken, login: String(f.get('login')), displayName: String(f.get('displayName')), password: String(f.get('password')) });
      this.error = '';
      this.view = 'sign-in';
    } catch (err) {
      this.#fail(err);
    }
  }

  async #signIn(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    const totp = String(f.get('totp') ?? '').trim();
    try {
      const r = await this.client.staff.signIn({ login: String(f.get('login')), password: String(f.get('password')), ...(totp ? { totp } : {}) });
      sessionStorage.setItem('memorial-csrf', r.csrfToken);
      this.error = '';
      this.needsCode = false;
      this.me = r.me;
      this.view = r.me.totpRequired && !r.me.secondFactor ? 'enrol' : 'home';
    } catch (err) {
      if (err instanceof MemorialHttpError && err.code === 'second_factor_required') {
        this.needsCode = true;
        this.error = '';
        return;
      }
      this.#fail(err);
    }
  }

  async #beginTotp(): Promise<void> {
    try {
      this.enrolment = await this.client.staff.beginTotp();
      this.error = '';
    } catch (err) {
      this.#fail(err);
    }
  }

  async #confirmTotp(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const code = String(new FormData(e.target as HTMLFormElement).get('code')).trim();
    try {
      this.recoveryCodes = (await this.client.staff.confirmTotp(code)).codes;
      this.enrolment = null;
      this.error = '';
      await this.#refresh();
    } catch (err) {
      this.#fail(err);
    }
  }

  async #signOut(everywhere: boolean): Promise<void> {
    try {
      await (everywhere ? this.client.staff.signOutEverywhere() : this.client.staff.signOut());
    } catch {
      /* signed out already */
    }
    sessionStorage.removeItem('memorial-csrf');
    this.me = null;
    this.recoveryCodes = [];
    this.view = 'sign-in';
  }

  override render() {
    const alert = this.error ? html`<p role="alert">${this.error}</p>` : nothing;
    switch (this.view) {
      case 'loading':
        return html`<p aria-live="polite">…</p>`;
      case 'setup':
        return html`<h1>创建第一位管理员</h1>${alert}
          <form part="setup-form" @submit=${this.#setup}>
            <label>登录名 <input name="login" autocomplete="username" required pattern="[a-z0-9][a-z0-9._\\-]{1,39}"></label>
            <label>姓名 <input name="displayName" autocomplete="name" required></label>
            <label>密码（至少 12 个字符） <input name="password" type="password" autocomplete="new-password" required minlength="12"></label>
            <button type="submit">创建</button>
          </form>`;
      case 'sign-in':
        return html`<h1>工作人员登录</h1>${alert}
          <form part="sign-in-form" @submit=${this.#signIn}>
            <label>登录名 <input name="login" autocomplete="username" required></label>
            <label>密码 <input name="password" type="password" autocomplete="current-password" required></label>
            ${this.needsCode
              ? html`<label>验证码（身份验证器中的 6 位数字，或一个恢复码） <input name="totp" autocomplete="one-time-code" inputmode="numeric" required></label>`
              : nothing}
            <button type="submit">登录</button>
          </form>`;
      case 'enrol':
        return html`<h1>设置双因素验证</h1>${alert}
          <p>管理员必须使用身份验证器应用（TOTP）登录。</p>
          ${this.enrolment
            ? html`<p>在身份验证器中添加此密钥：</p><pre part="totp-secret">${this.enrolment.secret}</pre>
                <p>或链接：<code>${this.enrolment.uri}</code></p>
                <form part="totp-form" @submit=${this.#confirmTotp}>
                  <label>验证码 <input name="code" autocomplete="one-time-code" inputmode="numeric" required pattern="[0-9]{6}"></label>
                  <button type="submit">确认</button>
                </form>`
            : html`<div class="actions"><button type="button" @click=${this.#beginTotp}>开始设置</button>
                <button type="button" class="secondary" @click=${() => this.#signOut(false)}>退出</button></div>`}`;
      case 'home':
        return html`<h1>${this.me?.displayName}</h1>${alert}
          <ul part="roles">${this.me?.roles.map((g) => html`<li>${g.role}${g.region ? ` · ${g.region}` : ''}${g.cemetery ? ` · ${g.cemetery}` : ''}</li>`)}</ul>
          ${this.recoveryCodes.length
            ? html`<p>恢复码（各用一次，请妥善保存，只显示这一次）：</p><pre part="recovery-codes">${this.recoveryCodes.join('\n')}</pre>`
            : nothing}
          <div class="actions">
            <button type="button" @click=${() => this.#signOut(false)}>退出</button>
            <button type="button" class="secondary" @click=${() => this.#signOut(true)}>退出所有设备</button>
          </div>`;
    }
  }
}

define('memorial-console', MemorialConsole);

declare global {
  interface HTMLElementTagNameMap {
    'memorial-console': MemorialConsole;
  }
}
