import PlansiteModel
import Testing

/// `WebAddress.mailto` and `WebAddress.tel`: the only makers of contact links.
@Suite struct ContactAddressTests {
    @Test func aPlainEmailAddressBecomesAMailtoLink() {
        #expect(
            WebAddress.mailto("lien-he.cchc+gop-y@snv.daknong.gov.vn") == "mailto:lien-he.cchc+gop-y@snv.daknong.gov.vn"
        )
    }

    @Test(arguments: [
        "lien-he@example.gov.vn?cc=a@b.vn", "a@b.vn&body=x", "\"><script>@x.vn", "javascript:alert(1)@x.vn",
        "lien he@x.vn", "a@b", "a@@b.vn", "@b.vn", "a@", ".a@b.vn", "a..b@c.vn", "a@-b.vn", "nguyễn@x.vn",
        "a@b.vn\n", "a@b.vn%0Abcc:x@y.vn", "a@xn--b.vn.", "",
    ])
    func anEmailAddressThatCouldAddHeadersOrScriptIsRefused(_ text: String) {
        #expect(WebAddress.emailProblem(text) != nil)
        #expect(WebAddress.mailto(text) == nil)
    }

    @Test func aTelephoneNumberBecomesATelLinkOfItsDigits() {
        #expect(WebAddress.tel("0261 3544.123") == "tel:02613544123")
        #expect(WebAddress.tel("+84 (261) 3544-123") == "tel:+842613544123")
        #expect(WebAddress.tel("1022") == "tel:1022")
    }

    @Test(arguments: [
        "0261\"><script>", "0261 3544 123 (giờ hành chính)", "12", "1234567890123456", "tel:0261", "0261\n3544",
        "+", "++84 261", "0261;ext=2", "",
    ])
    func aTelephoneNumberWithAnythingButDigitsAndSeparatorsIsRefused(_ text: String) {
        #expect(WebAddress.phoneProblem(text) != nil)
        #expect(WebAddress.tel(text) == nil)
    }
}
