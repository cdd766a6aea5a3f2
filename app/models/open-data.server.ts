// Open data: the public activities of an edition as GeoJSON and CSV. The only selector here names
// public columns (see OPEN_DATA_FIELDS); contact persons, private contacts and kit deliveries never appear.
import { sql } from "drizzle-orm";
import { parseLanguages, TRANSPORT_FILTERS, type Transport } from "./activity-features";
import { db } from "~/utils/db.server";
import { absoluteUrl } from "~/utils/public-url.server";
import type { Edition } from "./edition.server";
import type { OpenDataField } from "./open-data";
import { OPEN_DATA_FIELDS, OPEN_DATA_LICENCE } from "./open-data";
import { toCsv } from "~/utils/csv.server";

type Row = {
  id: number;
  title: string;
  type: string;
  targetGroups: string | null;
  startsAt: number;
  endsAt: number;
  status: string;
  isOnline: number;
  venueName: string | null;
  street: string | null;
  houseNumber: string | null;
  postcode: string | null;
  place: string | null;
  municipalityCode: string | null;
  municipality: string | null;
  province: string | null;
  lat: number | null;
  lon: number | null;
  locationApproximate: number;
  isFree: number;
  priceCents: number | null;
  wheelchairAccessible: number;
  hearingLoop: number;
  quietSpace: number;
  hostAtDoor: number;
  transport: string | null;
  easyDutch: number;
  languages: string;
  continuesAfterWeek: number;
  continuesSchedule: string | null;
  signUpRequired: number;
  organisationName: string;
  changedAt: number;
};

function publicRows(editionId: number): Row[] {
  return db.all<Row>(sql`
    select a.id, a.title, a.type,
      (select group_concat(g.target_group, ',') from activity_target_groups g where g.activity_id = a.id) as targetGroups,
      a.starts_at as startsAt, a.ends_at as endsAt, a.status, a.is_online as isOnline, a.venue_name as venueName,
      a.street, a.house_number as houseNumber, a.postcode, a.place, a.municipality_code as municipalityCode,
      m.name as municipality, m.province, a.lat, a.lon, a.location_approximate as locationApproximate,
      a.is_free as isFree, a.price_cents as priceCents, a.wheelchair_accessible as wheelchairAccessible,
      a.hearing_loop as hearingLoop, a.quiet_space as quietSpace,
      a.host_at_door as hostAtDoor, a.transport, a.easy_dutch as easyDutch, a.languages,
      a.continues_after_week as continuesAfterWeek, a.continues_schedule as continuesSchedule,
      a.sign_up_required as signUpRequired, a.organisation_name as organisationName,
      max(coalesce(a.updated_at, a.created_at), coalesce(a.moderated_at, 0)) as changedAt
    from activities a left join municipalities m on m.code = a.municipality_code
    where a.edition_id = ${editionId} and a.status in ('published', 'cancelled')
    order by a.id`);
}

type Values = Record<OpenDataField, string | number | boolean | null>;

function values(r: Row, year: number): Values {
  return {
    id: r.id,
    url: absoluteUrl(`/activiteiten/${r.id}`),
    editie: year,
    titel: r.title,
    soort: r.type,
    doelgroepen: r.targetGroups ?? "",
    begint: new Date(r.startsAt).toISOString(),
    eindigt: new Date(r.endsAt).toISOString(),
    status: r.status === "cancelled" ? "geannuleerd" : "gepubliceerd",
    online: r.isOnline === 1,
    locatie: r.venueName,
    adres: [r.street, r.houseNumber].filter(Boolean).join(" ") || null,
    postcode: r.postcode,
    plaats: r.place,
    gemeentecode: r.municipalityCode,
    gemeente: r.municipality,
    provincie: r.province,
    breedtegraad: r.isOnline ? null : r.lat,
    lengtegraad: r.isOnline ? null : r.lon,
    plek_bij_benadering: r.locationApproximate === 1,
    gratis: r.isFree === 1,
    prijs_euro: r.isFree === 1 || r.priceCents === null ? null : r.priceCents / 100,
    rolstoeltoegankelijk: r.wheelchairAccessible === 1,
    ringleiding: r.hearingLoop === 1,
    rustige_ruimte: r.quietSpace === 1,
    alleen_komen: r.hostAtDoor === 1,
    vervoer: r.transport && r.transport in TRANSPORT_FILTERS ? TRANSPORT_FILTERS[r.transport as Transport] : null,
    eenvoudig_nederlands: r.easyDutch === 1,
    talen: parseLanguages(r.languages).join(","),
    gaat_door_na_de_week: r.continuesAfterWeek === 1,
    na_de_week: r.continuesAfterWeek === 1 ? r.continuesSchedule : null,
    aanmelden_nodig: r.signUpRequired === 1,
    organisatie: r.organisationName,
  };
}

const lastModified = (rows: Row[]) => (rows.length ? new Date(Math.max(...rows.map((r) => r.changedAt))) : null);

/** GeoJSON (RFC 7946) FeatureCollection; online activities have a null geometry. */
export function openDataGeoJson(edition: Edition) {
  const rows = publicRows(edition.id);
  const body = JSON.stringify({
    type: "FeatureCollection",
    name: `week-tegen-eenzaamheid-${edition.year}-activiteiten`,
    licence: OPEN_DATA_LICENCE.url,
    attribution: OPEN_DATA_LICENCE.attribution,
    features: rows.map((r) => {
      const { breedtegraad, lengtegraad, ...properties } = values(r, edition.year);
      return {
        type: "Feature",
        id: r.id,
        geometry:
          typeof breedtegraad === "number" && typeof lengtegraad === "number"
            ? { type: "Point", coordinates: [Number(lengtegraad.toFixed(6)), Number(breedtegraad.toFixed(6))] }
            : null,
        properties,
      };
    }),
  });
  return { body, lastModified: lastModified(rows) };
}

/** The same activities as CSV: UTF-8 with BOM, comma-separated, RFC 4180 quoting, a header row with the field names. */
export function openDataCsv(edition: Edition) {
  const rows = publicRows(edition.id);
  const cell = (v: Values[OpenDataField]) => (v === null ? "" : typeof v === "boolean" ? (v ? "ja" : "nee") : String(v));
  const body = toCsv([
    OPEN_DATA_FIELDS.map(([name]) => name),
    ...rows.map((r) => {
      const v = values(r, edition.year);
      return OPEN_DATA_FIELDS.map(([name]) => cell(v[name]));
    }),
  ]);
  return { body, lastModified: lastModified(rows) };
}
