// Leaflet's stylesheets as URLs for a route's `links` (classic compiler: importing a .css gives its URL).
import leafletCss from "leaflet/dist/leaflet.css";
import clusterCss from "react-leaflet-cluster/dist/assets/MarkerCluster.css";
import clusterDefaultCss from "react-leaflet-cluster/dist/assets/MarkerCluster.Default.css";

export const mapLinks = (withClusters = false) => [
  { rel: "stylesheet", href: leafletCss },
  ...(withClusters
    ? [
        { rel: "stylesheet", href: clusterCss },
        { rel: "stylesheet", href: clusterDefaultCss },
      ]
    : []),
];
