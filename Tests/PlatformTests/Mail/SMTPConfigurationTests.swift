import Platform
import Testing

@Suite("Reading the SMTP URL")
struct SMTPConfigurationTests {
    @Test("smtp with credentials and starttls: percent-decoded user and password, STARTTLS when offered")
    func submission() throws {
        let configuration = try SMTPConfiguration(url: "smtp://mailer%40wayfinder.example:p%40ss%3Aw0rd%2F@smtp.example.com:587?starttls=true")
        #expect(configuration.host == "smtp.example.com")
        #expect(configuration.port == 587)
        #expect(configuration.security == .startTLSWhenOffered)
        #expect(configuration.credentials == .init(username: "mailer@wayfinder.example", password: "p@ss:w0rd/"))
        #expect(configuration.trust == .systemRoots)
        #expect(!configuration.description.contains("p@ss"), "the password never reaches a log line")
    }

    @Test("smtps is implicit TLS on 465; smtp defaults to port 25 and STARTTLS when offered")
    func defaults() throws {
        let smtps = try SMTPConfiguration(url: "smtps://smtp.example.com")
        #expect(smtps.port == 465)
        #expect(smtps.security == .implicitTLS)
        #expect(smtps.credentials == nil)
        let smtp = try SMTPConfiguration(url: "smtp://relay.internal:25")
        #expect(smtp.port == 25)
        #expect(smtp.security == .startTLSWhenOffered)
        #expect(try SMTPConfiguration(url: "SMTP://relay.internal").port == 25)
    }

    @Test("starttls=false and required, helo, ca_file and tls_verify are read")
    func parameters() throws {
        #expect(try SMTPConfiguration(url: "smtp://h:25?starttls=false").security == .plain)
        #expect(try SMTPConfiguration(url: "smtp://h:25?starttls=required").security == .startTLSRequired)
        let configured = try SMTPConfiguration(url: "smtp://h:587?helo=app.wayfinder.example&ca_file=/etc/wayfinder/ca.pem")
        #expect(configured.heloName == "app.wayfinder.example")
        #expect(configured.trust == .certificateFile("/etc/wayfinder/ca.pem"))
        #expect(try SMTPConfiguration(url: "smtps://h?tls_verify=false").trust == .noVerification)
    }

    @Test("an invalid URL is refused with a reason that names what is wrong, never the password", arguments: [
        ("http://h:25", "scheme must be smtp or smtps"),
        ("smtp://:25", "host is missing"),
        ("smtp://h:25?starttls=yes", "starttls must be true, false or required"),
        ("smtps://h?starttls=true", "starttls applies to smtp://"),
        ("smtp://h:25?tls=on", "unknown parameter 'tls'"),
        ("smtp://h:25/inbox", "no path"),
        ("smtp://:secret@h:25", "password is given without a user name"),
        ("smtp://h:70000", "port"),
        ("smtp://h?ca_file=/ca.pem&tls_verify=false", "contradict"),
        ("not a url at all", "smtp"),
    ])
    func invalid(url: String, reason: String) {
        do {
            _ = try SMTPConfiguration(url: url)
            Issue.record("\(url) was accepted")
        } catch {
            #expect(error.description.contains(reason), "\(error.description)")
            #expect(!error.description.contains("secret"))
        }
    }
}
