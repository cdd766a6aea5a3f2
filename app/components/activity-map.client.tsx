// A small map with one marker for the activity page (browser only).
import L from "leaflet";
import { MapContainer, Marker, TileLayer } from "react-leaflet";

type Props = { lat: number; lon: number; title: string; tileUrl: string; attribution: string };

export default function ActivityMap({ lat, lon, title, tileUrl, attribution }: Props) {
  const icon = L.divIcon({ className: "map-pin", html: "<span></span>", iconSize: [26, 26], iconAnchor: [13, 26] });
  return (
    <MapContainer center={[lat, lon]} zoom={15} scrollWheelZoom={false} className="map map-small" aria-label={`Kaart: ${title}`}>
      <TileLayer url={tileUrl} attribution={attribution} />
      <Marker position={[lat, lon]} icon={icon} title={title} keyboard={false} />
    </MapContainer>
  );
}
