// Every enrolment screen but the first carries the guide's "Vous n'êtes pas encore inscrit ?" above its heading.
import { formScreen } from "../form-screen.js";

export const kicker = "Vous n'êtes pas encore inscrit ?";

export function stepScreen(options, screen) {
  return formScreen(options, { ...screen, kicker: screen.heading === kicker ? null : kicker });
}
