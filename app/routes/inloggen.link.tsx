import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { verifyLoginLink } from "~/models/login.server";
import { getUserById } from "~/models/user.server";
import { now } from "~/utils/clock.server";
import { createUserSession } from "~/utils/session.server";
import { readFormData } from "~/utils/form-data.server";

// Opening the link only shows a button: logging in changes state, so it happens on POST
// (mail scanners that open links do not use up the code).
export async function loader({ request }: LoaderFunctionArgs) {
  return { token: new URL(request.url).searchParams.get("token") ?? "" };
}

export async function action({ request }: ActionFunctionArgs) {
  const token = String((await readFormData(request)).get("token") ?? "");
  const userId = token ? verifyLoginLink(token, now()) : null;
  if (!userId) return data({ error: "Deze link is verlopen of al gebruikt. Vraag een nieuwe code aan." }, { status: 400 });
  const user = getUserById(userId)!;
  return createUserSession(userId, user.role === "programme_team" ? "/beheer" : "/organisator/activiteiten");
}

export const meta: MetaFunction = () => [{ title: "Inloggen met link – Kom erbij" }];

export default function LoginLink() {
  const { token } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>Inloggen</h1>
      {result?.error ? (
        <div className="alert error" role="alert">
          <p>{result.error}</p>
          <p>
            <Link to="/inloggen">Nieuwe code aanvragen</Link>
          </p>
        </div>
      ) : null}
      <Form method="post">
        <input type="hidden" name="token" value={token} />
        <button type="submit">Inloggen</button>
      </Form>
    </>
  );
}
