import Foundation
import Platform
import Testing

@Suite("Reading received mail: transfer encodings, charsets and what is not a message")
struct MailParsingBodyTests {
    @Test("quoted-printable: soft line breaks join lines, =C3=A9 is é, spaces a transport added at line ends go")
    func quotedPrintable() throws {
        let mail = try MailParsingSupport.parse("""
            Subject: QP
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            Nous avons bien re=C3=A7u votre candidature pour le poste de d=C3=A9velopp=
            eur. Un entretien est pr=C3=A9vu =3D confirm=C3=A9.  \t
            Lien : https://acme.example/r?id=3D42&amp=3D1
            Tabs=09and =
            soft end=

            """)
        #expect(mail.plainText == """
            Nous avons bien reçu votre candidature pour le poste de développeur. Un entretien est prévu = confirmé.
            Lien : https://acme.example/r?id=42&amp=1
            Tabs\tand soft end
            """)
    }

    @Test("base64 bodies with line breaks and stray whitespace decode, and their CRLFs become LFs")
    func base64Body() throws {
        let mail = try MailParsingSupport.parse("""
            Subject: B64
            Content-Type: text/plain; charset="UTF-8"
            Content-Transfer-Encoding: BASE64

            SGFsbG8gQWRhLA0Kd2lyIGZyZXVlbiB1bnMgYXVmIGRhcyBHZXNwcsOkY2gg
              YW0gRG9ubmVyc3RhZy4NClZpZWxlIEdyw7zDn2UNCkRhbmENCg==

            """)
        #expect(mail.plainText == "Hallo Ada,\nwir freuen uns auf das Gespräch am Donnerstag.\nViele Grüße\nDana")
    }

    @Test("German in ISO-8859-1 8bit, French in UTF-8 base64, Spanish in ISO-8859-15 quoted-printable")
    func europeanCharsets() throws {
        let german = try MailParser.parse(MailParsingSupport.withBytes("""
            Subject: Einladung
            Content-Type: text/plain; charset=ISO-8859-1
            Content-Transfer-Encoding: 8bit

            Sehr geehrte Frau M{FC}ller, wir w{FC}rden uns {FC}ber ein Gespr{E4}ch freuen. Gr{FC}{DF}e

            """))
        #expect(german.plainText == "Sehr geehrte Frau Müller, wir würden uns über ein Gespräch freuen. Grüße")

        let french = try MailParsingSupport.parse("""
            Subject: Candidature
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: base64

            TWVyY2kgcG91ciB2b3RyZSBjYW5kaWRhdHVyZS4gw4dhIHZvdXMgY29udmllbnQgw6AgMTQgaCA/

            """)
        #expect(french.plainText == "Merci pour votre candidature. Ça vous convient à 14 h ?")

        let spanish = try MailParsingSupport.parse("""
            Subject: Oferta
            Content-Type: text/plain; charset=iso-8859-15
            Content-Transfer-Encoding: quoted-printable

            =A1Enhorabuena! El salario es de 45.000 =A4 al a=F1o. =BFHablamos ma=F1ana?

            """)
        #expect(spanish.plainText == "¡Enhorabuena! El salario es de 45.000 € al año. ¿Hablamos mañana?")
    }

    @Test("Japanese in ISO-2022-JP (body and encoded-word subject) and in Shift_JIS base64")
    func japanese() throws {
        let jis = try MailParsingSupport.parse("""
            Subject: =?ISO-2022-JP?B?GyRCTExAXCRORnxEeCRLJEQkJCRGGyhC?=
            Content-Type: text/plain; charset=ISO-2022-JP
            Content-Transfer-Encoding: 7bit

            \u{1B}$BLL@\\$NF|Dx$K$D$$$F\u{1B}(B
            \u{1B}$BLZMKF|$N8a8e$O$$$+$,$G$7$g$&$+!#\u{1B}(B

            """)
        #expect(jis.subject == "面接の日程について")
        #expect(jis.plainText == "面接の日程について\n木曜日の午後はいかがでしょうか。")

        let shiftJIS = try MailParsingSupport.parse("""
            Subject: =?UTF-8?B?6Z2i5o6l?=
            Content-Type: text/plain; charset=Shift_JIS
            Content-Transfer-Encoding: base64

            lsqQ2oLMk/qS9oLJgsKCooLEDQqW2Jdqk/qCzIzfjOOCzYKigqmCqoLFgrWC5YKkgqmBQg0K

            """)
        #expect(shiftJIS.subject == "面接")
        #expect(shiftJIS.plainText == "面接の日程について\n木曜日の午後はいかがでしょうか。")
    }

    @Test("a wrong or unknown charset falls back: to UTF-8 when the bytes are UTF-8, else to Windows-1252")
    func charsetFallbacks() throws {
        // Declared UTF-8, written in Latin-1 / Windows-1252.
        let mislabeled = try MailParser.parse(MailParsingSupport.withBytes("""
            Content-Type: text/plain; charset=utf-8

            {93}Caf{E9}{94} {96} {80}5
            """))
        #expect(mislabeled.plainText == "“Café” – €5")

        // A charset nobody knows, with UTF-8 bytes.
        let unknown = try MailParsingSupport.parse("Content-Type: text/plain; charset=x-made-up\n\nCafé ✔\n")
        #expect(unknown.plainText == "Café ✔")

        // No charset at all, 8-bit bytes that are not UTF-8.
        let undeclared = try MailParser.parse(MailParsingSupport.withBytes("Subject: x\n\nSch{F6}n\n"))
        #expect(undeclared.plainText == "Schön")

        // ISO-8859-1 is read as Windows-1252, whose 0x80–0x9F are punctuation rather than controls.
        let latin1 = try MailParser.parse(MailParsingSupport.withBytes("Content-Type: text/plain; charset=iso-8859-1\n\nit{92}s {85}\n"))
        #expect(latin1.plainText == "it’s …")

        // Declared us-ascii, but UTF-8 came.
        let ascii = try MailParsingSupport.parse("Content-Type: text/plain; charset=us-ascii\n\nNaïve résumé\n")
        #expect(ascii.plainText == "Naïve résumé")
    }

    @Test("7bit, 8bit, binary and unknown transfer encodings pass the bytes through; broken base64 and = signs still read")
    func otherTransferEncodings() throws {
        for encoding in ["7bit", "8bit", "binary", "x-uuencode-not-really"] {
            let mail = try MailParsingSupport.parse("Content-Transfer-Encoding: \(encoding)\nContent-Type: text/plain; charset=utf-8\n\nrésumé = 1\n")
            #expect(mail.plainText == "résumé = 1", "\(encoding)")
        }
        let sloppyQP = try MailParsingSupport.parse("Content-Transfer-Encoding: quoted-printable\n\n100% = done, =ZZ stays, =e9t=E9\n")
        #expect(sloppyQP.plainText == "100% = done, =ZZ stays, été")
        let unpadded = try MailParsingSupport.parse("Content-Transfer-Encoding: base64\n\nSGVsbG8gd29ybGQ\n")
        #expect(unpadded.plainText == "Hello world")
    }

    @Test("headers without a body, and a body without a blank line after the headers, still read")
    func missingBody() throws {
        let headersOnly = try MailParsingSupport.parse("Subject: Only headers\nFrom: a@example.org")
        #expect(headersOnly.subject == "Only headers")
        #expect(headersOnly.plainText == "")
        let noBlankLine = try MailParsingSupport.parse("Subject: Squashed\nThis line is the body.\n")
        #expect(noBlankLine.subject == "Squashed")
        #expect(noBlankLine.plainText == "This line is the body.")
    }

    @Test("a message that starts with an mbox From line reads without it")
    func mboxFromLine() throws {
        let mail = try MailParsingSupport.parse("From dana@acme.example Tue Mar  3 09:15:02 2026\nSubject: Saved\n\nText\n")
        #expect(mail.subject == "Saved")
        #expect(mail.headers.count == 1)
    }

    @Test("no bytes, only whitespace, text without header fields, and binary data are not messages")
    func notMessages() throws {
        #expect(throws: MailParseError.empty) { try MailParser.parse(Data()) }
        #expect(throws: MailParseError.empty) { try MailParser.parse(Data(" \r\n\n\t".utf8)) }
        #expect(throws: MailParseError.notAMessage("it does not start with header fields")) {
            try MailParser.parse(Data("Hello, this is just a note without any headers.\nSecond line.".utf8))
        }
        #expect(throws: MailParseError.notAMessage("it does not start with header fields")) {
            try MailParser.parse(Data("\n\nBody after blank lines".utf8))
        }
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52])
        #expect(throws: MailParseError.self) { try MailParser.parse(png) }
        var generator = SeededBytes(seed: 42)
        let garbage = Data((0..<4096).map { _ in generator.next() })
        #expect(throws: MailParseError.self) { try MailParser.parse(garbage) }
        #expect(throws: MailParseError.notAMessage("its header holds binary data")) {
            try MailParser.parse(Data("Subject: a\u{0}b\n\nbody".utf8))
        }
    }
}

/// Deterministic bytes for the garbage test (a linear congruential generator).
struct SeededBytes {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt8 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return UInt8(truncatingIfNeeded: state >> 33)
    }
}

@Suite("Reading received mail: format=flowed text")
struct MailParsingFlowedTests {
    @Test("format=flowed lines ending in a space join into paragraphs, per quote depth; space-stuffing and delsp are undone")
    func flowed() throws {
        let mail = try MailParsingSupport.parse("""
            Subject: Flowed
            Content-Type: text/plain; charset=utf-8; format=flowed

            Thanks for your application. We would like to invite you to a first\u{20}
            interview next week.\u{20}
            Does Thursday work?

            > On Monday you wrote: I am very interested\u{20}
            > in the role.
             From the start, this line was space-stuffed.
            --\u{20}
            Dana
            """)
        #expect(mail.plainText == """
            Thanks for your application. We would like to invite you to a first interview next week. Does Thursday work?

            > On Monday you wrote: I am very interested in the role.
            From the start, this line was space-stuffed.
            --\u{20}
            Dana
            """)

        let deleted = try MailParsingSupport.parse("Content-Type: text/plain; format=flowed; delsp=yes\n\nJapanese text is wrapped wi \nthout spaces.\n")
        #expect(deleted.plainText == "Japanese text is wrapped without spaces.")
    }

    @Test("an empty text/plain alternative gives way to the HTML's text")
    func emptyPlainAlternative() throws {
        let mail = try MailParsingSupport.parse("""
            Content-Type: multipart/alternative; boundary=b

            --b
            Content-Type: text/plain

            \u{20}
            --b
            Content-Type: text/html

            <p>Only here.</p>
            --b--
            """)
        #expect(mail.plainText == "Only here.")
    }
}
