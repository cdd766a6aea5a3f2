// The results map (browser only: Leaflet touches `window`). An enhancement over the list: it shows
// the same results as markers, clustered, fitted to the results, and can search "in dit gebied".
import { useNavigate } from "@remix-run/react";
import L from "leaflet";
import { memo, useEffect, useRef, useState } from "react";
import { MapContainer, Marker, Popup, TileLayer, useMap, useMapEvents } from "react-leaflet";
import MarkerClusterGroup from "react-leaflet-cluster";
import {
  radiusForView,
  searchQuery,
  type MapFeature,
  type MapFeatureCollection,
  type SearchParams,
} from "~/models/activity-search";
import { formatDateTime } from "~/utils/time";

type Props = {
  params: SearchParams;
  editionYear: number;
  centre: { lat: number; lon: number };
  tileUrl: string;
  attribution: string;
  /** Appended to each activity link (the search to return to). */
  linkSuffix?: string;
};

const pin = L.divIcon({
  className: "map-pin",
  html: "<span></span>",
  iconSize: [26, 26],
  iconAnchor: [13, 26],
  popupAnchor: [0, -24],
});

function clusterIcon(cluster: { getChildCount(): number }) {
  const n = cluster.getChildCount();
  const size = n < 10 ? "small" : n < 100 ? "medium" : "large";
  return L.divIcon({
    html: `<div><span>${n}<span class="visually-hidden"> activiteiten, klik om in te zoomen</span></span></div>`,
    className: `marker-cluster marker-cluster-${size}`,
    iconSize: L.point(40, 40),
  });
}

// Opening a popup pans the map to fit it; that is not the resident moving the map, so it must not
// offer "Zoek in dit gebied" (whose redraw used to close the popup again).
const POPUP_PAN_MS = 1_000;

function FitAndWatch({ features, onMoved }: { features: MapFeatureCollection | null; onMoved: () => void }) {
  const map = useMap();
  const fitting = useRef(false);
  const popupOpenedAt = useRef(-Infinity);
  useEffect(() => {
    if (!features || features.features.length === 0) return;
    const bounds = L.latLngBounds(
      features.features.map((f) => [f.geometry.coordinates[1], f.geometry.coordinates[0]] as [number, number]),
    );
    fitting.current = true;
    map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15, animate: false });
    setTimeout(() => (fitting.current = false), 0);
  }, [features, map]);
  useMapEvents({
    popupopen(event) {
      popupOpenedAt.current = performance.now();
      // Leaflet labels its close button in English.
      event.popup.getElement()?.querySelector(".leaflet-popup-close-button")?.setAttribute("aria-label", "Sluiten");
    },
    moveend() {
      if (fitting.current || performance.now() - popupOpenedAt.current < POPUP_PAN_MS) return;
      onMoved();
    },
  });
  return null;
}

/** The markers, kept out of the map's own re-renders so an open popup survives them. */
const ResultMarkers = memo(function ResultMarkers({ features, linkSuffix }: { features: MapFeature[]; linkSuffix: string }) {
  return (
    <MarkerClusterGroup chunkedLoading iconCreateFunction={clusterIcon}>
      {features.map((f) => (
        <Marker
          key={f.properties.id}
          position={[f.geometry.coordinates[1], f.geometry.coordinates[0]]}
          icon={pin}
          title={f.properties.title}
        >
          <Popup>
            <a href={`/activiteiten/${f.properties.id}${linkSuffix}`}>{f.properties.title}</a>
            <br />
            {formatDateTime(f.properties.startsAt)}
            {f.properties.place ? `, ${f.properties.place}` : ""}
          </Popup>
        </Marker>
      ))}
    </MarkerClusterGroup>
  );
});

export default function ResultsMap({ params, editionYear, centre, tileUrl, attribution, linkSuffix = "" }: Props) {
  const navigate = useNavigate();
  const [data, setData] = useState<MapFeatureCollection | null>(null);
  const [failed, setFailed] = useState(false);
  const [moved, setMoved] = useState(false);
  const mapRef = useRef<L.Map | null>(null);
  const query = searchQuery({
    ...params,
    plaats: undefined,
    pagina: undefined,
    editie: editionYear,
    lat: centre.lat,
    lon: centre.lon,
  });

  useEffect(() => {
    const controller = new AbortController();
    setMoved(false);
    fetch(`/api/kaart${query}`, { signal: controller.signal })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((body: MapFeatureCollection) => setData(body))
      .catch(() => !controller.signal.aborted && setFailed(true));
    return () => controller.abort();
  }, [query]);

  function searchHere() {
    const map = mapRef.current;
    if (!map) return;
    const c = map.getCenter();
    const ne = map.getBounds().getNorthEast();
    const straal = radiusForView(c.lat, c.lng, ne.lat, ne.lng);
    navigate(
      `/${searchQuery({ ...params, plaats: undefined, pagina: undefined, editie: editionYear, lat: Number(c.lat.toFixed(5)), lon: Number(c.lng.toFixed(5)), straal })}`,
    );
  }

  return (
    <div className="results-map">
      {failed ? <p className="hint">De kaart kon niet worden geladen. Alle activiteiten staan in de lijst.</p> : null}
      <MapContainer
        ref={mapRef}
        center={[centre.lat, centre.lon]}
        zoom={12}
        scrollWheelZoom={false}
        className="map"
        aria-label="Kaart met de gevonden activiteiten"
      >
        <TileLayer url={tileUrl} attribution={attribution} />
        <FitAndWatch features={data} onMoved={() => setMoved(true)} />
        {data ? <ResultMarkers features={data.features} linkSuffix={linkSuffix} /> : null}
      </MapContainer>
      {data?.truncated ? <p className="hint">De kaart toont de dichtstbijzijnde {data.features.length} activiteiten.</p> : null}
      {moved ? (
        <button type="button" className="secondary search-here" onClick={searchHere}>
          Zoek in dit gebied
        </button>
      ) : null}
    </div>
  );
}
