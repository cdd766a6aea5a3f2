import { Form, useNavigate } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { useHydrated } from "remix-utils/use-hydrated";
import { Icon } from "./icons";
import { ACTIVITY_TYPES, TARGET_GROUPS } from "~/models/activity";
import { RADII_KM, searchQuery, type SearchParams } from "~/models/activity-search";

export type EditionOption = { year: number; label: string };
export type DayOption = { value: string; label: string };

type Props = {
  params: SearchParams;
  editionYear: number;
  editions: EditionOption[];
  days: DayOption[];
  placeError?: string | null;
  /** During the Week: today's weekday, for the "vandaag" and "dit weekend" buttons. */
  shortcuts?: { today: string } | null;
};

/** The search as a plain GET form: every choice ends up in the URL, so it works without JavaScript. */
export function SearchForm({ params, editionYear, editions, days, placeError, shortcuts }: Props) {
  const hydrated = useHydrated();
  const navigate = useNavigate();
  const [locating, setLocating] = useState<string | null>(null);
  const usesPoint = !params.plaats && params.lat !== undefined && params.lon !== undefined;

  function locate(form: HTMLFormElement | null) {
    if (!navigator.geolocation) {
      setLocating("Je browser kan je locatie niet doorgeven. Vul een postcode of plaats in.");
      return;
    }
    setLocating("Je locatie wordt opgezocht…");
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(null);
        const current = form ? Object.fromEntries(new FormData(form)) : {};
        const next = {
          ...current,
          plaats: undefined,
          pagina: undefined,
          lat: position.coords.latitude.toFixed(5),
          lon: position.coords.longitude.toFixed(5),
        };
        navigate(`/${searchQuery(next as unknown as Partial<SearchParams>)}`);
      },
      () => setLocating("Je locatie kon niet worden bepaald. Vul een postcode of plaats in."),
      { timeout: 10_000, maximumAge: 300_000 },
    );
  }

  // With JavaScript, leave the empty fields out of the URL straight away (without it, the page redirects to the short URL).
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const values = Object.fromEntries(new FormData(event.currentTarget, submitter));
    navigate(`/${searchQuery(values as unknown as Partial<SearchParams>)}`);
  }

  return (
    <Form
      method="get"
      action="/"
      className="search-form"
      role="search"
      aria-label="Activiteiten zoeken"
      onSubmit={hydrated ? submit : undefined}
    >
      <div className="search-main">
        <div className="field">
          <label htmlFor="plaats">Postcode of plaats</label>
          <p className="hint" id="plaats-hint">
            Bijvoorbeeld 3511 AB, Zwolle of de naam van je gemeente.
          </p>
          <input
            id="plaats"
            name="plaats"
            type="text"
            autoComplete="postal-code"
            defaultValue={params.plaats ?? ""}
            aria-describedby={placeError ? "plaats-hint plaats-error" : "plaats-hint"}
            aria-invalid={placeError ? true : undefined}
          />
          {placeError ? (
            <p className="field-error" id="plaats-error">
              {placeError}
            </p>
          ) : null}
          {usesPoint ? (
            <>
              <input type="hidden" name="lat" value={params.lat} />
              <input type="hidden" name="lon" value={params.lon} />
            </>
          ) : null}
        </div>
        {hydrated ? (
          <div className="field">
            <button type="button" className="secondary" onClick={(e) => locate(e.currentTarget.form)}>
              Gebruik mijn locatie
            </button>
            <p className="hint" role="status" aria-live="polite">
              {locating}
            </p>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="straal">Afstand</label>
          <select id="straal" name="straal" defaultValue={String(params.straal)}>
            {RADII_KM.map((r) => (
              <option key={r} value={r}>
                Tot {r} km
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="editie">Editie</label>
          <select id="editie" name="editie" defaultValue={String(editionYear)}>
            {editions.map((e) => (
              <option key={e.year} value={e.year}>
                {e.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="filters">
        <legend>Filters</legend>
        <div className="filter-grid">
          <div className="field">
            <label htmlFor="dag">Dag</label>
            <select id="dag" name="dag" defaultValue={params.dag ?? ""}>
              <option value="">Alle dagen</option>
              {days.map((d) => (
                <option key={d.value} value={d.value}>
                  {d.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="soort">Soort activiteit</label>
            <select id="soort" name="soort" defaultValue={params.soort ?? ""}>
              <option value="">Alle soorten</option>
              {Object.entries(ACTIVITY_TYPES)
                .filter(([value]) => value !== "online")
                .map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="voor">Voor wie</label>
            <select id="voor" name="voor" defaultValue={params.voor ?? ""} aria-describedby="voor-hint">
              <option value="">Iedereen</option>
              {Object.entries(TARGET_GROUPS)
                .filter(([value]) => value !== "iedereen")
                .map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
            </select>
            <p className="hint" id="voor-hint">
              Activiteiten voor iedereen zie je ook.
            </p>
          </div>
        </div>
        <label className="check">
          <input type="checkbox" name="gratis" defaultChecked={params.gratis} /> Alleen gratis
        </label>
        <label className="check">
          <input type="checkbox" name="rolstoel" defaultChecked={params.rolstoel} /> Toegankelijk met rolstoel
        </label>
        <label className="check">
          <input type="checkbox" name="online" defaultChecked={params.online} /> Ook online activiteiten
        </label>
      </fieldset>
      <div className="search-actions">
        <button type="submit">Zoeken</button>
        {shortcuts ? (
          <>
            <button type="submit" name="dag" value={shortcuts.today} className="secondary">
              <Icon name="calendar" /> Vandaag
            </button>
            <button type="submit" name="dag" value="weekend" className="secondary">
              <Icon name="calendar" /> Dit weekend
            </button>
          </>
        ) : null}
      </div>
    </Form>
  );
}
