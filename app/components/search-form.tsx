import { Form, useNavigate } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { useHydrated } from "remix-utils/use-hydrated";
import { Icon } from "./icons";
import { ACTIVITY_TYPES, TARGET_GROUPS } from "~/models/activity";
import { RADII_KM, searchQuery, type FeatureFilterParam, type SearchParams } from "~/models/activity-search";
import {
  FLAG_FEATURE_KEYS,
  FLAG_FEATURES,
  LANGUAGES,
  TRANSPORT_FILTERS,
  TRANSPORT_ICONS,
  TRANSPORT_OPTIONS,
  TRANSPORT_VALUES,
  type FeatureIcon,
} from "~/models/activity-features";

/** The feature checkboxes, in the order of activity-features.ts: welcome first, then transport, language, access. */
const FEATURE_FILTERS: { param: FeatureFilterParam; label: string; icon: FeatureIcon }[] = [
  { param: FLAG_FEATURES.hostAtDoor.filter, label: FLAG_FEATURES.hostAtDoor.short, icon: FLAG_FEATURES.hostAtDoor.icon },
  ...TRANSPORT_VALUES.map((t) => ({ param: TRANSPORT_FILTERS[t], label: TRANSPORT_OPTIONS[t], icon: TRANSPORT_ICONS[t] })),
  ...FLAG_FEATURE_KEYS.filter((k) => k !== "hostAtDoor").map((k) => ({
    param: FLAG_FEATURES[k].filter,
    label: FLAG_FEATURES[k].short,
    icon: FLAG_FEATURES[k].icon,
  })),
];

/** The ticked feature filters in words (for the one-line summary of a search). */
export const activeFeatureFilters = (params: SearchParams) =>
  [
    ...FEATURE_FILTERS.filter((f) => params[f.param]).map((f) => f.label),
    params.taal ? `ook ${LANGUAGES[params.taal]}` : null,
  ].filter((l): l is string => Boolean(l));

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
        <fieldset className="feature-filters">
          <legend>Drempels en toegankelijkheid</legend>
          {FEATURE_FILTERS.map((f) => (
            <label className="check" key={f.param}>
              <input type="checkbox" name={f.param} defaultChecked={params[f.param]} />
              <Icon name={f.icon} /> {f.label}
            </label>
          ))}
          <div className="field">
            <label htmlFor="taal">Ook in deze taal</label>
            <select id="taal" name="taal" defaultValue={params.taal ?? ""}>
              <option value="">Maakt niet uit</option>
              {Object.entries(LANGUAGES).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
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
