/** `rhythm-auth check --help`. Fits in 80 columns. */
export const CHECK_USAGE = `Usage:
  rhythm-auth check --domain <auth0 domain> --client-id <id> [options]

Verifies a backend's client-credentials setup end to end: requests a token from
Auth0, diagnoses it (audience, claims, expiry, M2M shape), and makes one
harmless read with it (GET https://rolodex.api.rhythmsoftware.com/contacts/
<tenant>; only the status is read). Prints each step, its result and the fix.

The client (Rhythm Console → Security & Settings → API Keys):
  --domain <host>            the Auth0 domain, e.g. acme-org.us.auth0.com
  --issuer <url>             or the issuer URL (https://login.example.com/)
  --client-id <id>           the machine-to-machine client id
  --client-secret-env <NAME> read the secret from the environment variable NAME
                             (without it, the secret is read from stdin; typed
                             at a terminal, it is not shown). Never an argument:
                             --client-secret is refused.
  --audience <url>           default https://api.rhythmsoftware.com
  --tenant <id>              the Rhythm tenant to read (default: the token's
                             tenant_id claim)

Output:
  --json                     the result as JSON (schema rhythm-auth/check@1);
                             never the secret, never the token

Pointing it elsewhere (a test server, a TLS-inspecting proxy); always shown:
  --connect-to <host>=<address>:<port>
                             connect to <address>:<port> whenever a URL names
                             <host> (repeatable); the certificate is still
                             checked against <host>
  --ca-file <pem>            also trust the certificates in this PEM file
Certificates are always verified; there is no option to turn that off.

Exit status: 0 every step passed, 1 a step failed, 2 bad usage or input.

Examples:
  RHYTHM_SECRET=… rhythm-auth check --domain acme-org.us.auth0.com \\
    --client-id "$RHYTHM_CLIENT_ID" --client-secret-env RHYTHM_SECRET
  vault kv get -field=secret rhythm/api | rhythm-auth check --json \\
    --domain acme-org.us.auth0.com --client-id "$RHYTHM_CLIENT_ID"
`;
