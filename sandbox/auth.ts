import { randomBytes } from 'node:crypto';
import type { ConnectionState } from './connections';

// Tokens issued at run time: Makini Link (OAuth 2.0 authorization code + refresh), client-credentials admin
// tokens for /api/system, and connection tokens from the system API. The static per-connection tokens live on
// the connections themselves.
const DAY_S = 86_400;
const CODE_TTL_MS = 10 * 60_000;

interface Grant {
	connectionId: string;
	expiresAt: number; // ms
}

export interface TokenPair {
	access_token: string;
	refresh_token: string;
	token_type: 'Bearer';
	expires_in: number; // absolute Unix timestamp in seconds, as Makini sends it
}

export interface OAuthClient {
	clientId: string;
	clientSecret: string;
}

const nowS = () => Math.floor(Date.now() / 1000);
const token = (prefix: string) => `${prefix}_${randomBytes(24).toString('hex')}`;

export class AuthState {
	private readonly codes = new Map<string, Grant & { redirectUri: string }>();
	private readonly accessTokens = new Map<string, Grant>();
	private readonly refreshTokens = new Map<string, Grant>();
	private readonly adminTokens = new Map<string, number>();

	constructor(readonly client: OAuthClient) {}

	checkClient(clientId: unknown, clientSecret: unknown): boolean {
		return clientId === this.client.clientId && clientSecret === this.client.clientSecret;
	}

	issueCode(connectionId: string, redirectUri: string): string {
		const code = token('mk_code');
		this.codes.set(code, { connectionId, redirectUri, expiresAt: Date.now() + CODE_TTL_MS });
		return code;
	}

	/** Single use: a code is gone once exchanged. */
	redeemCode(code: string, redirectUri: string | undefined): string | undefined {
		const grant = this.codes.get(code);
		this.codes.delete(code);
		if (!grant || grant.expiresAt < Date.now()) return undefined;
		if (redirectUri !== undefined && redirectUri !== grant.redirectUri) return undefined;
		return grant.connectionId;
	}

	/** Refresh tokens stay valid until they expire (a refresh returns a new pair; the old one is not revoked). */
	redeemRefresh(refreshToken: string): string | undefined {
		const grant = this.refreshTokens.get(refreshToken);
		return grant && grant.expiresAt > Date.now() ? grant.connectionId : undefined;
	}

	issuePair(connectionId: string): TokenPair {
		const expiresIn = nowS() + 30 * DAY_S;
		const pair: TokenPair = { access_token: token('mk_at'), refresh_token: token('mk_rt'), token_type: 'Bearer', expires_in: expiresIn };
		this.accessTokens.set(pair.access_token, { connectionId, expiresAt: expiresIn * 1000 });
		this.refreshTokens.set(pair.refresh_token, { connectionId, expiresAt: (nowS() + 31 * DAY_S) * 1000 });
		return pair;
	}

	issueConnectionToken(connectionId: string): { token: string; expires_in: number } {
		const expiresIn = nowS() + 30 * DAY_S;
		const issued = token('mk_ct');
		this.accessTokens.set(issued, { connectionId, expiresAt: expiresIn * 1000 });
		return { token: issued, expires_in: expiresIn };
	}

	issueAdmin(): { access_token: string; token_type: 'Bearer'; expires_in: number } {
		const expiresIn = nowS() + DAY_S;
		const issued = token('mk_admin');
		this.adminTokens.set(issued, expiresIn * 1000);
		return { access_token: issued, token_type: 'Bearer', expires_in: expiresIn };
	}

	isAdmin(bearer: string | undefined): boolean {
		const expiresAt = bearer ? this.adminTokens.get(bearer) : undefined;
		return expiresAt !== undefined && expiresAt > Date.now();
	}

	/** Expires every admin token now (to exercise n8n re-running preAuthentication on 401). */
	expireAdminTokens(): number {
		let n = 0;
		for (const [issued, expiresAt] of this.adminTokens) {
			if (expiresAt > 0) {
				this.adminTokens.set(issued, 0);
				n += 1;
			}
		}
		return n;
	}

	/** 'expired' is told apart from unknown only for the message; both are 401. */
	connectionFor(bearer: string, connections: Map<string, ConnectionState>): ConnectionState | 'expired' | undefined {
		for (const c of connections.values()) if (c.info.token === bearer) return c;
		const grant = this.accessTokens.get(bearer);
		if (!grant) return undefined;
		if (grant.expiresAt <= Date.now()) return 'expired';
		return connections.get(grant.connectionId);
	}

	/** Expires every run-time access token of a connection now (to exercise refresh on 401). */
	expireAccessTokens(connectionId: string): number {
		let n = 0;
		for (const grant of this.accessTokens.values()) {
			if (grant.connectionId === connectionId && grant.expiresAt > 0) {
				grant.expiresAt = 0;
				n += 1;
			}
		}
		return n;
	}
}
