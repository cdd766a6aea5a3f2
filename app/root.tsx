import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { HoneypotProvider } from "remix-utils/honeypot/react";
import { SiteFooter, SiteHeader } from "~/components/site-chrome";
import appCss from "~/styles/app.css";
import { env, isDemoMailbox } from "~/utils/env.server";
import { honeypotInputProps } from "~/utils/honeypot.server";
import { useNonce } from "~/utils/nonce";
import { getSessionUser } from "~/utils/session.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appCss },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [
  { title: "Kom erbij – Week tegen Eenzaamheid" },
  { name: "description", content: "Vind een activiteit bij jou in de buurt tijdens de Week tegen Eenzaamheid." },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  return {
    user: user && { name: user.name, email: user.email, role: user.role },
    demoMailbox: isDemoMailbox(),
    map: { tileUrl: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION },
    honeypot: honeypotInputProps,
  };
}

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

/** Routes made for an <iframe> on another site say so in their `handle`: no site chrome, no scripts. */
export const EMBED_HANDLE = { embed: true } as const;

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const data = useRootData();
  const embedded = useMatches().some((m) => (m.handle as { embed?: boolean } | undefined)?.embed);
  if (embedded) {
    return (
      <html lang="nl">
        <head>
          <meta charSet="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <Meta />
          <Links />
        </head>
        <body className="embed">
          <main>{children}</main>
          <script src="/embed/frame.js" defer />
        </body>
      </html>
    );
  }
  return (
    <html lang="nl">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#inhoud">
          Direct naar de inhoud
        </a>
        {data?.demoMailbox ? (
          <div className="demo-banner" role="note">
            <div className="container">
              Dit is een demo: e-mail wordt niet echt verstuurd. Je vindt alle berichten in de{" "}
              <Link to="/demo/mailbox">demo-mailbox</Link>.
            </div>
          </div>
        ) : null}
        <SiteHeader user={data?.user ?? null} />
        <main id="inhoud" tabIndex={-1}>
          <div className="container">
            <HoneypotProvider {...data?.honeypot}>{children}</HoneypotProvider>
          </div>
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <>
        <h1>Deze pagina bestaat niet</h1>
        <p>Misschien is de link oud of zit er een typefout in het adres.</p>
        <p>
          <Link to="/">Zoek een activiteit bij jou in de buurt</Link> of ga naar de{" "}
          <Link to="/organisator">pagina voor organisatoren</Link>.
        </p>
      </>
    );
  }
  if (isRouteErrorResponse(error) && error.status === 403) {
    return (
      <>
        <h1>Geen toegang</h1>
        <p>
          Je hebt geen toegang tot deze pagina. Log in met een ander account of ga terug naar de <Link to="/">startpagina</Link>.
        </p>
      </>
    );
  }
  // Guards and models throw 4xx Responses with a plain Dutch sentence: show that sentence.
  if (isRouteErrorResponse(error) && error.status >= 400 && error.status < 500 && typeof error.data === "string") {
    return (
      <>
        <h1>Dit lukte niet</h1>
        <p>{error.data}</p>
        <p>
          Ga terug naar de <Link to="/">startpagina</Link>.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Er ging iets mis</h1>
      <p>Sorry, dit lukte niet. Probeer het over een paar minuten opnieuw.</p>
      <p>
        Blijft het misgaan? Ga dan terug naar de <Link to="/">startpagina</Link>.
      </p>
    </>
  );
}
