import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleDataRequestFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { startBackgroundWork } from "~/models/background.server";
import { isSharedPage, keepPersonalPagesPrivate } from "~/utils/http-cache.server";
import { NonceProvider } from "~/utils/nonce";
import { applySecurityHeaders, createNonce, sealInlineScripts } from "~/utils/security-headers.server";

const ABORT_DELAY = 5_000;

// Queued e-mail is rendered and sent in the background, a second or two after the change that caused
// it; organisers are asked for their attendance the day after their activity (background.server.ts).
startBackgroundWork();

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  _loadContext: AppLoadContext,
) {
  keepPersonalPagesPrivate(request, responseHeaders);
  const nonce = createNonce();
  const app = (
    <NonceProvider value={nonce}>
      <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
    </NonceProvider>
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  if (isSharedPage(request, responseHeaders)) return renderSharedPage(app, request, responseStatusCode, responseHeaders, nonce);

  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(app, {
      nonce,
      [waitForAll ? "onAllReady" : "onShellReady"]() {
        shellRendered = true;
        const body = new PassThrough();
        applySecurityHeaders(responseHeaders, request, { nonce });
        resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
        pipe(body);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        if (shellRendered) console.error(error);
      },
    });
    setTimeout(abort, ABORT_DELAY);
  });
}

/**
 * A page a shared cache may keep (anonymous, marked public by its route): rendered whole, then its
 * own inline scripts are allowed by hash instead of by this request's nonce, so the cached copy
 * keeps a strict CSP for every reader (DESIGN.md rule 15).
 */
function renderSharedPage(app: JSX.Element, request: Request, status: number, headers: Headers, nonce: string) {
  return new Promise<Response>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on("data", (chunk: Buffer) => chunks.push(chunk));
    sink.on("end", () => {
      const { html, hashes } = sealInlineScripts(Buffer.concat(chunks).toString("utf8"), nonce);
      applySecurityHeaders(headers, request, { hashes });
      // Whole and of known length: app/server.mjs then writes it in one go instead of through a stream.
      const body = Buffer.from(html);
      headers.set("Content-Length", String(body.length));
      resolve(new Response(body, { headers, status }));
    });
    const { pipe, abort } = renderToPipeableStream(app, {
      nonce,
      onAllReady() {
        pipe(sink);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        status = 500;
        console.error(error);
      },
    });
    setTimeout(abort, ABORT_DELAY).unref();
  });
}

export const handleDataRequest: HandleDataRequestFunction = (response, { request }) => {
  keepPersonalPagesPrivate(request, response.headers);
  response.headers.set("X-Content-Type-Options", "nosniff");
  return response;
};
