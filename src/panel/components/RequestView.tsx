import { Fragment } from 'preact';
import {
  BEARER_ERRORS,
  type Diagnosis,
  FORM_NAMES,
  isoTime,
  parseWwwAuthenticate,
  type TokenSubject,
} from '../../analyzer/index.js';
import { localTime, ownString } from '../view/claims.js';
import { visible } from '../view/display.js';
import { urlParts } from '../view/url-parts.js';
import { LongText } from './LongText.js';

const SUBJECTS: Record<TokenSubject, string> = {
  user: 'a user (signed in through the app)',
  m2m: 'a machine-to-machine client (client credentials)',
  unknown: 'unknown',
};

function Field({
  name,
  value,
  code = true,
}: {
  name: string;
  value: string | null;
  code?: boolean;
}) {
  return (
    <>
      <dt>{name}</dt>
      <dd class={code ? 'mono' : undefined}>
        {value === null ? <span class="muted">—</span> : <LongText text={value} limit={160} />}
      </dd>
    </>
  );
}

/**
 * The request as the diagnosis kept it: the URL split the Rhythm way, what was sent as a token
 * (form, subject, fingerprint: the token itself is never kept), the server's answer.
 */
export function RequestView({ diagnosis, body }: { diagnosis: Diagnosis; body?: string }) {
  const r = diagnosis.request;
  const parts = urlParts(r.url);
  return (
    <div class="request">
      <dl class="kv" data-testid="request-fields">
        <Field name="Method" value={r.method} />
        <Field
          name="Status"
          value={r.status === 0 ? 'none: not sent from here, no response seen' : String(r.status)}
          code={r.status !== 0}
        />
        <Field name="Sent" value={`${isoTime(r.sentAt)} · ${localTime(r.sentAt)}`} code={false} />
        {'error' in parts ? (
          <Field name="URL" value={`${r.url || '—'} (${parts.error})`} />
        ) : (
          <>
            <Field name="Host" value={parts.host} />
            <Field
              name="Module"
              value={parts.module ?? 'not a Rhythm module host'}
              code={parts.module !== null}
            />
            <Field name="Resource" value={parts.resource} />
            <Field name="Tenant" value={parts.tenant} />
            <Field name="Id" value={parts.id} />
            {parts.query !== null && <Field name="Query" value={parts.query} />}
          </>
        )}
      </dl>
      <h3>Credentials sent</h3>
      <dl class="kv" data-testid="credential-fields">
        <Field name="Token" value={FORM_NAMES[diagnosis.token.form]} code={false} />
        <Field name="Subject" value={SUBJECTS[diagnosis.token.subject]} code={false} />
        <Field name="Fingerprint" value={diagnosis.token.fingerprint} />
      </dl>
      <p class="muted note">
        The extension never keeps request headers or tokens: the checklist above quotes what it saw.
      </p>
      <h3>Response</h3>
      <dl class="kv" data-testid="response-fields">
        <Field name="WWW-Authenticate" value={diagnosis.server.challenge} />
        <Field name="Date" value={diagnosis.server.date} />
      </dl>
      {diagnosis.server.challenge && <Challenge value={diagnosis.server.challenge} />}
      <h3>Response body</h3>
      {body === undefined ? (
        <p class="muted">
          Not seen: bodies are read from DevTools' network log, while DevTools is open.
        </p>
      ) : (
        <div data-testid="response-body">
          <LongText text={body} block limit={2048} />
        </div>
      )}
    </div>
  );
}

function Challenge({ value }: { value: string }) {
  const challenges = parseWwwAuthenticate(value.slice(0, 4096));
  if (challenges.length === 0) return null;
  return (
    <table class="kv-table" aria-label="WWW-Authenticate, parsed">
      <tbody>
        {challenges.slice(0, 10).map((c, i) => (
          <Fragment key={i}>
            <tr>
              <th scope="row">scheme</th>
              <td class="mono">{visible(c.scheme) || '(none)'}</td>
            </tr>
            {Object.keys(c.params)
              .slice(0, 20)
              .map((name) => (
                <tr key={`${i}:${name}`}>
                  <th scope="row" class="mono">
                    {visible(name)}
                  </th>
                  <td>
                    <LongText text={c.params[name] ?? ''} limit={200} />
                    {name === 'error' && ownString(BEARER_ERRORS, c.params[name] ?? '') && (
                      <span class="muted"> — {ownString(BEARER_ERRORS, c.params[name] ?? '')}</span>
                    )}
                  </td>
                </tr>
              ))}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
