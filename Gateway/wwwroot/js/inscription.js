// "Je m'inscris": the enrolment wizard, one screen per step of the guide.
import { Journey } from "./inscription/journey.js";
import { identityScreen } from "./inscription/identity.js";
import { identityConfirmationScreen } from "./inscription/identity-confirmation.js";
import { channelScreen, newPhoneScreen, phoneConfirmationScreen } from "./inscription/phone.js";
import { memberNumberScreen } from "./inscription/member-number.js";
import { codeScreen } from "./inscription/code.js";
import { passwordScreen } from "./inscription/password.js";
import { completedScreen, letterSentScreen } from "./inscription/endings.js";

/** Back to the step the server holds for this tab's journey, or the first screen. */
export function start() {
  const journey = new Journey({
    identity: identityScreen,
    "confirm-identity": identityConfirmationScreen,
    "confirm-phone": phoneConfirmationScreen,
    "choose-channel": channelScreen,
    "enter-phone": newPhoneScreen,
    "member-number": memberNumberScreen,
    "enter-code": codeScreen,
    "create-password": passwordScreen,
    completed: completedScreen,
    "letter-sent": letterSentScreen,
  });

  journey.resume();
}

