/** The help text: the CLI contract of SPEC §5, as a user reads it. Fits in 100 columns. */
export const USAGE = `Usage:
  rhythm-auth diagnose [options]          diagnose one request that got a 401
  rhythm-auth diagnose --har <file>       diagnose every Rhythm 401 in a HAR file
  rhythm-auth sanitize-har <in> <out>     write a copy of a HAR that is safe to share
  rhythm-auth --help | --version

The request (without --authorization, --token or --header it is diagnosed as sent without
credentials):
  --authorization <value>    the Authorization header value exactly as sent; "-" reads it from
                             stdin (keeps the token out of shell history; one trailing newline,
                             as echo adds, is removed)
  --token <jwt>              shorthand for --authorization "Bearer <jwt>"; "-" reads stdin
  --header "Name: value"     any request header, repeatable (e.g. a misspelled Authorisation)
  --url <url>                the request URL
  --method <method>          default GET
  --status <code>            the response status, default 401
  --response-header "Name: value"
                             a response header, repeatable (WWW-Authenticate, Date)
  --at <time>                when the request was sent: ISO 8601 (2026-11-01T12:00:00Z) or epoch
                             seconds; default now. Expiry is judged at this time.

Output (readable text by default; the token itself is never printed):
  --json                     the Diagnosis as JSON (schema rhythm-auth/diagnosis@1)
  --markdown                 the support report to paste into a ticket, redacted
  --include-token            with --markdown: add the token without its signature
  --mask-personal            with --markdown: mask email, name, nickname and picture

HAR files (Chrome, Edge, Firefox, Safari, Charles, Fiddler; read as a stream, so 100 MB is fine):
  --har <file>               diagnose every 401 from *.api.rhythmsoftware.com in the file: a table
                             (sent, method, URL, root cause) and a count per root cause; --json
                             prints {"diagnoses": [...]}, --markdown the support report of all of
                             them. Says so when the HAR was exported without its Authorization
                             headers (Chrome's default "Export HAR (sanitized)"), and how to
                             export one with them. A broken file: exit 2, with where it broke.
  sanitize-har <in> <out>    writes <out> with every credential of the file replaced, wherever
                             it stands (entries, pages, log.comment, custom fields, WebSocket
                             messages, bodies, base64 bodies, JSON inside JSON) and wherever it
                             was copied: JWTs keep header and claims, their signature masked;
                             the token the analyzer reads is masked keeping its shape and
                             fingerprint (so <out> gets the same diagnoses); cookie values,
                             Basic credentials, API keys, credential parameters and body fields
                             (access_token, client_secret, password…) and user:pass@ become
                             [redacted]. Cookie names, Set-Cookie attributes and the rest of the
                             file stay byte for byte. Prints what it changed, per kind.

Exit status: 0 no check failed, 1 a check failed, 2 bad usage or unreadable input.

Examples:
  pbpaste | rhythm-auth diagnose --authorization - \\
    --url https://rolodex.api.rhythmsoftware.com/contacts/current
  rhythm-auth diagnose --token "$TOKEN" --markdown > report.md \\
    --url https://membership.api.rhythmsoftware.com/memberships/acme.org
  rhythm-auth diagnose --har portal.har
  rhythm-auth sanitize-har portal.har portal.sanitized.har
`;
