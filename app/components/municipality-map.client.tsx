// The activities of one municipality as markers (browser only). The list next to it is the full answer.
import L from "leaflet";
import { MapContainer, Marker, Popup, TileLayer } from "react-leaflet";
import MarkerClusterGroup from "react-leaflet-cluster";
import { formatDateTime } from "~/utils/time";

type Point = { id: number; title: string; startsAt: number; point: [number, number] };
type Props = {
  name: string;
  box: [number, number, number, number];
  points: Point[];
  tileUrl: string;
  attribution: string;
};

const pin = L.divIcon({
  className: "map-pin",
  html: "<span></span>",
  iconSize: [26, 26],
  iconAnchor: [13, 26],
  popupAnchor: [0, -24],
});

export default function MunicipalityMap({ name, box, points, tileUrl, attribution }: Props) {
  const [minLat, minLon, maxLat, maxLon] = box;
  return (
    <MapContainer
      bounds={[
        [minLat, minLon],
        [maxLat, maxLon],
      ]}
      scrollWheelZoom={false}
      className="map"
      aria-label={`Kaart met de activiteiten in ${name}`}
    >
      <TileLayer url={tileUrl} attribution={attribution} />
      <MarkerClusterGroup chunkedLoading>
        {points.map((p) => (
          <Marker key={p.id} position={p.point} icon={pin} title={p.title}>
            <Popup>
              <a href={`/activiteiten/${p.id}`}>{p.title}</a>
              <br />
              {formatDateTime(p.startsAt)}
            </Popup>
          </Marker>
        ))}
      </MarkerClusterGroup>
    </MapContainer>
  );
}
