/**
 * The mock backend never reads or sets cookies, yet MSW's cookie store pulls in
 * tough-cookie and its public-suffix list (~280 KB raw) for every browser session.
 * The browser build aliases `tough-cookie` to this no-op store (see vite.config.ts),
 * which keeps the mock chunk within its budget. MSW only calls what is below.
 */
export const Cookie = {
  fromJSON: (): null => null,
}

export class MemoryCookieStore {
  idx: Record<string, never> = {}
}

export class CookieJar {
  getCookiesSync(): never[] {
    return []
  }
  setCookie(): Promise<void> {
    return Promise.resolve()
  }
}
