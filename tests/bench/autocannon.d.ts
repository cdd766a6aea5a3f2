// The little of autocannon 8's programmatic API the benchmark uses (the package ships no types).
declare module "autocannon" {
  type Request = { setupRequest?: (req: { path?: string }) => { path?: string } };
  type Options = { url: string; connections?: number; duration?: number; requests?: Request[] };
  type Result = { errors: number; timeouts: number; non2xx: number };
  type Instance = Promise<Result> & {
    on(event: "response", listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): void;
  };
  export default function autocannon(options: Options): Instance;
}
