import type { TokenInfo } from '../../analyzer/index.js';
import { claimRows, localTime, MAX_CLAIM_ROWS } from '../view/claims.js';
import { valueText, visible } from '../view/display.js';
import { LifetimeBar } from './LifetimeBar.js';
import { LongText } from './LongText.js';
import { TruncatedNote } from '../../shared/ui/TruncatedNote.js';

/** The decoded token: lifetime, header and claims (Rhythm claims highlighted and explained). */
export function TokenView({
  token,
  sentAt,
  now,
}: {
  token: TokenInfo;
  sentAt: number;
  now: number;
}) {
  if (token.form === 'none') {
    return <p class="muted">No token was sent with this request.</p>;
  }
  return (
    <div class="token">
      <LifetimeBar claims={token.claims} sentAt={sentAt} now={now} />
      <h3>Header</h3>
      {token.header ? (
        <HeaderTable header={token.header} />
      ) : (
        <p class="muted">The header did not decode to a JSON object.</p>
      )}
      <h3>Claims</h3>
      <TruncatedNote token={token} />
      {token.claims ? (
        <ClaimsTable claims={token.claims} sentAt={sentAt} />
      ) : (
        <p class="muted">
          {token.form === 'jwe'
            ? 'An encrypted (JWE) token: its claims cannot be read — and Rhythm cannot read them either.'
            : 'The payload did not decode to a JSON object.'}
        </p>
      )}
    </div>
  );
}

function HeaderTable({ header }: { header: Record<string, unknown> }) {
  return (
    <table class="kv-table" aria-label="Token header">
      <tbody>
        {Object.keys(header)
          .slice(0, MAX_CLAIM_ROWS)
          .map((name) => (
            <tr key={name}>
              <th scope="row" class="mono">
                {visible(name.slice(0, 200))}
              </th>
              <td class="mono">
                <LongText text={valueText(header[name])} />
              </td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}

export function ClaimsTable({
  claims,
  sentAt,
}: {
  claims: Record<string, unknown>;
  sentAt: number;
}) {
  const rows = claimRows(claims, sentAt);
  const hidden = Object.keys(claims).length - rows.length;
  return (
    <table class="claims" aria-label="Token claims">
      <thead>
        <tr>
          <th scope="col">Claim</th>
          <th scope="col">Value</th>
          <th scope="col">Meaning</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={row.name}
            class={row.rhythm ? 'claim claim--rhythm' : 'claim'}
            data-claim={row.name}
            data-rhythm={row.rhythm ? 'true' : undefined}
          >
            <th scope="row" class="mono claim__name">
              {row.rhythm && <span class="tag tag--rhythm">Rhythm</span>}
              {row.shortName ?? <LongText text={row.name} limit={80} />}
              {row.shortName && <span class="claim__ns muted">{row.name}</span>}
            </th>
            <td class="mono claim__value">
              <LongText text={valueText(row.value)} />
              {row.time && (
                <span class="claim__time" data-testid={`time-${row.name}`}>
                  <span>{row.time.utc}</span>
                  <span class="muted">{localTime(row.time.at)}</span>
                  <span class="claim__relative">{row.time.relative}</span>
                  {row.time.milliseconds && (
                    <span class="warn-text">
                      This looks like milliseconds: JWT times are seconds.
                    </span>
                  )}
                </span>
              )}
            </td>
            <td class="claim__about">{row.explanation}</td>
          </tr>
        ))}
        {hidden > 0 && (
          <tr>
            <td colSpan={3} class="muted">
              {hidden.toLocaleString('en-US')} more claims not shown.
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
