/**
 * next-auth configuration: email + password (credentials provider), JWT
 * sessions in an httpOnly cookie. The token carries only the user id and
 * its session version; the user is read from the database on every request
 * (lib/auth/current-user.ts), so a role change or ended sessions
 * (lib/auth/sessions.ts) take effect at once.
 */
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { AppError } from "../errors";
import { verifyCredentials } from "../users/verify-credentials";
import { clientAddress, forgiveSignIn, limitSignIn } from "./limits";
import { endSessions } from "./sessions";
import { ZSignInRequestSchema } from "../users/schemas";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
/** The sign-in error (`RATE_LIMITED:<seconds>`) the form shows as "try again in … s". */
export const SIGN_IN_RATE_LIMITED = "RATE_LIMITED";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const parsed = ZSignInRequestSchema.safeParse(credentials);
        if (!parsed.success) return null;
        try {
          await limitSignIn(parsed.data.email, clientAddress(request?.headers));
        } catch (error) {
          // next-auth hands the message to the sign-in form as `error`.
          if (error instanceof AppError && error.code === "RATE_LIMITED") throw new Error(`${SIGN_IN_RATE_LIMITED}:${error.retryAfterSeconds ?? 60}`);
          throw error;
        }
        const user = await verifyCredentials(parsed.data);
        if (!user) return null;
        await forgiveSignIn(parsed.data.email);
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = user.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) {
        session.user.id = token.sub;
        session.user.sessionVersion = token.sv ?? 0;
      }
      return session;
    },
  },
  events: {
    // Signing out ends this token and every other of the account (sessions.ts).
    async signOut({ token }) {
      if (token?.sub) await endSessions(token.sub);
    },
  },
};
