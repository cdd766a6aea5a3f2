// On the edit page (with JavaScript): the activity's pin on a small map, to drag to the right spot.
// The new position travels with the form in two hidden fields; without dragging nothing is sent.
import L from "leaflet";
import { useMemo, useState } from "react";
import { MapContainer, Marker, TileLayer } from "react-leaflet";

type Props = { lat: number; lon: number; tileUrl: string; attribution: string };

export default function LocationPin({ lat, lon, tileUrl, attribution }: Props) {
  const [moved, setMoved] = useState<{ lat: number; lon: number } | null>(null);
  const icon = useMemo(
    () => L.divIcon({ className: "map-pin", html: "<span></span>", iconSize: [26, 26], iconAnchor: [13, 26] }),
    [],
  );
  const handlers = useMemo(
    () => ({
      dragend(event: L.DragEndEvent) {
        const { lat: newLat, lng } = (event.target as L.Marker).getLatLng();
        setMoved({ lat: Number(newLat.toFixed(6)), lon: Number(lng.toFixed(6)) });
      },
    }),
    [],
  );
  return (
    <div className="field">
      <p id="pin-uitleg" className="hint">
        Staat de punaise niet goed? Sleep hem naar de juiste plek en sla daarna je wijzigingen op.
      </p>
      <MapContainer
        center={[lat, lon]}
        zoom={15}
        scrollWheelZoom={false}
        className="map map-small"
        aria-label="Kaart met de plek van je activiteit"
        aria-describedby="pin-uitleg"
      >
        <TileLayer url={tileUrl} attribution={attribution} />
        <Marker position={[lat, lon]} icon={icon} draggable eventHandlers={handlers} title="Plek van je activiteit" />
      </MapContainer>
      {moved ? (
        <>
          <input type="hidden" name="pinLat" value={moved.lat} />
          <input type="hidden" name="pinLon" value={moved.lon} />
          <p role="status">De punaise is verplaatst. Sla je wijzigingen op om de nieuwe plek te bewaren.</p>
        </>
      ) : null}
    </div>
  );
}
