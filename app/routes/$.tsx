// Every unknown URL ends here, so it gets the friendly Dutch 404 of the root ErrorBoundary.
export async function loader() {
  throw new Response("Niet gevonden", { status: 404 });
}

export default function NotFound() {
  return null;
}
