import { redirect, type LoaderFunctionArgs } from "@remix-run/node";

// The search lives on the home page; old and shared links to /activiteiten keep working.
export function loader({ request }: LoaderFunctionArgs) {
  return redirect(`/${new URL(request.url).search}`, 301);
}
