using Enrolment.Grains.Delivery;
using Enrolment.Grains.Interfaces.Members;

namespace Enrolment.Silo.Delivery;

/// <summary>
/// The words of the letter that carries a provisional access code, the same for the print house and for the
/// development inbox. The first-login steps are the guide's.
/// </summary>
public static class LetterText
{
    public static string Compose(LetterMessage letter)
    {
        var expiresAt = TimeZoneInfo.ConvertTime(letter.ExpiresAt, FrenchTime.Paris);
        var expiryDay = expiresAt.ToString("d MMMM yyyy", FrenchTime.Culture);
        var expiryTime = expiresAt.ToString("HH' h 'mm", FrenchTime.Culture);
        var identifiant = MemberNumber.Format(letter.MemberNumber);

        return $"""
            {letter.RecipientName}
            {letter.Address.Street}
            {letter.Address.PostalCode} {letter.Address.City}

            Vos références : {identifiant}

            Objet : votre code d'accès provisoire à votre espace personnel

            Madame, Monsieur,

            Suite à votre demande, voici votre code d'accès provisoire :

                {letter.ProvisionalCode}

            Ce code est valable jusqu'au {expiryDay} à {expiryTime} (heure de Paris) et ne sert qu'une seule fois.

            Pour votre première connexion :
            1. Sur la page de connexion, saisissez votre identifiant {identifiant} et, dans la zone « Mot de passe ou code d'accès provisoire », ce code d'accès provisoire.
            2. Confirmez votre adresse e-mail.
            3. Créez votre mot de passe personnel puis confirmez-le : 8 caractères au minimum, lettres et/ou chiffres, sans caractères spéciaux.

            Votre code d'accès provisoire ne sera alors plus valable : vous vous connecterez ensuite avec votre identifiant et votre mot de passe.

            Des difficultés ? Adhérent Santé Prévoyance : appelez le 0 173 173 535. Sinon, appelez le 0 173 173 500.
            """.ReplaceLineEndings("\n");
    }
}
