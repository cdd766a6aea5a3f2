import { Form, Link, NavLink } from "@remix-run/react";
import { Wordmark } from "./icons";

export type ChromeUser = { name: string | null; email: string; role: "organiser" | "programme_team" | "coordinator" } | null;

/** The menu residents need; team and organiser links only for people with that role. */
export function SiteHeader({ user }: { user: ChromeUser }) {
  return (
    <header className="site-header">
      <div className="container">
        <Link to="/" className="brand">
          <Wordmark />
          <span className="visually-hidden">Kom erbij, </span>
          <small>Week tegen Eenzaamheid</small>
        </Link>
        <nav className="site-nav" aria-label="Hoofdmenu">
          <ul>
            <li>
              <NavLink to="/" end>
                Activiteiten
              </NavLink>
            </li>
            <li>
              <NavLink to="/organisator" end>
                Organiseer iets
              </NavLink>
            </li>
            {user?.role === "programme_team" ? (
              <li>
                <NavLink to="/beheer">Beheer</NavLink>
              </li>
            ) : null}
            {user && user.role !== "programme_team" ? (
              <>
                <li>
                  <NavLink to="/organisator/activiteiten">Mijn activiteiten</NavLink>
                </li>
                <li>
                  <NavLink to="/organisator/pakketten">Mijn pakketten</NavLink>
                </li>
              </>
            ) : null}
            {user ? (
              <li>
                <Form method="post" action="/uitloggen">
                  <button type="submit" className="link">
                    Uitloggen
                  </button>
                </Form>
              </li>
            ) : (
              <li>
                <NavLink to="/inloggen">Inloggen</NavLink>
              </li>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          De Week tegen Eenzaamheid is onderdeel van het programma Eén tegen eenzaamheid van het ministerie van Volksgezondheid,
          Welzijn en Sport.
        </p>
        <ul>
          <li>
            <Link to="/privacy">Privacy</Link>
          </li>
          <li>
            <Link to="/toegankelijkheid">Toegankelijkheid</Link>
          </li>
          <li>
            <Link to="/.well-known/security.txt" reloadDocument>
              Beveiliging melden
            </Link>
          </li>
        </ul>
        <p>Kaartgegevens: Bron: CBS, Kadaster.</p>
      </div>
    </footer>
  );
}
