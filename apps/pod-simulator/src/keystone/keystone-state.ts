// Everything the simulated Keystone knows: identities, tokens, regions and the catalog. Pods read
// it in-process to validate tokens, so there is one source of truth for "who is this caller".
import { Clock } from '../clock';
import { CatalogPod, CatalogRegion, CatalogService, buildCatalog, buildRegions } from './catalog';
import { IdentityDirectory } from './identity-directory';
import { IdentitySeed } from './seed';
import { TokenStore } from './token-store';

export class KeystoneState {
  readonly directory: IdentityDirectory;
  readonly tokens: TokenStore;
  catalog: CatalogService[] = [];
  regions: CatalogRegion[] = [];
  /** Set once Keystone listens; used in WWW-Authenticate headers and version documents. */
  url = '';

  constructor(seed: IdentitySeed, clock: Clock, tokenTtlSeconds: number) {
    this.directory = new IdentityDirectory(seed);
    this.tokens = new TokenStore(this.directory, clock, tokenTtlSeconds);
  }

  /** Called after every listener is bound, when the real ports are known. */
  publish(keystoneUrl: string, gatewayUrl: string, pods: CatalogPod[]): void {
    this.url = keystoneUrl;
    this.catalog = buildCatalog(keystoneUrl, gatewayUrl, pods);
    this.regions = buildRegions(pods);
  }
}
