// "Je m'inscris": the enrolment wizard, one screen per step of the guide.
import { Journey } from "./inscription/journey.js";
import { identityScreen } from "./inscription/identity.js";
import { identityConfirmationScreen } from "./inscription/identity-confirmation.js";
import { channelScreen, newPhoneScreen, phoneConfirmationScreen } from "./inscription/phone.js";
import { memberNumberScreen } from "./inscription/member-number.js";
import { codeScreen } from "./inscription/code.js";
import { passwordScreen } from "./inscription/password.js";
import { completedScreen, letterSentScreen } from "./inscription/endings.js";
import {
  adoptFranceConnectJourney,
  franceConnectCompletedScreen,
  franceConnectStartScreen,
  isFranceConnectEnrolment,
} from "./inscription/franceconnect.js";

/** Back to the step the server holds for this tab's journey, or the first screen. */
export async function start() {
  const viaFranceConnect = isFranceConnectEnrolment();
  if (viaFranceConnect) {
    await adoptFranceConnectJourney();
  }
  const journey = new Journey({
    identity: viaFranceConnect ? franceConnectStartScreen : identityScreen,
    "confirm-identity": identityConfirmationScreen,
    "confirm-phone": phoneConfirmationScreen,
    "choose-channel": channelScreen,
    "enter-phone": newPhoneScreen,
    "member-number": memberNumberScreen,
    "enter-code": codeScreen,
    "create-password": passwordScreen,
    completed: viaFranceConnect ? franceConnectCompletedScreen : completedScreen,
    "letter-sent": letterSentScreen,
  }, { viaFranceConnect });

  journey.resume();
}

