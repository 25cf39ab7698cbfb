/**
 * 이용약관 (Terms of Service), every version. Pure data: a member's consent record
 * names a version, and the words of that version never change. Edit nothing here but
 * by adding a new version at the top (and pointing CONSENT_TEXTS.terms at it).
 *
 * What the text states must match the code: points held and charged per image made
 * (lib/points/reservations.ts), the package bonus (lib/pricing/price-table.ts), the
 * 7-day withdrawal (lib/orders/withdrawal-period.ts), the 90-day life of images
 * (lib/images/image-record.ts), the minimum age (lib/privacy/policy-versions.ts).
 * tests/unit/legal-documents.test.ts checks the numbers.
 */
import { reviseVersion, validateLegalNotice, type LegalDocument, type LegalDocumentVersion } from "./legal-document";

const TERMS_2026_11_23: LegalDocumentVersion = {
  version: "terms-2026-11-23",
  effectiveDate: "2026-11-23",
  text: {
    ko: {
      title: "이용약관",
      translationNote: null,
      articles: [
        {
          id: "purpose",
          title: "제1조 (목적)",
          blocks: [
            '이 약관은 {businessName}(이하 "회사")가 운영하는 imagesfactory(이하 "서비스")의 이용과 관련하여 회사와 회원의 권리, 의무 및 책임, 그 밖에 필요한 사항을 정합니다.',
          ],
        },
        {
          id: "definitions",
          title: "제2조 (정의)",
          blocks: [
            "이 약관에서 쓰는 용어의 뜻은 다음과 같습니다.",
            [
              '"서비스"란 회원이 입력한 글(이하 "프롬프트")을 바탕으로 인공지능 모델이 이미지를 만들어 주고, 만든 이미지를 보관·제공하는 회사의 온라인 서비스를 말합니다.',
              '"회원"이란 이 약관과 개인정보처리방침에 동의하고 회사와 이용계약을 맺은 사람을 말합니다.',
              '"포인트"란 서비스에서 이미지 생성 대금을 치르는 데 쓰는 전자적 단위를 말합니다.',
              '"유상 포인트"란 회원이 돈을 내고 구매한 포인트를 말합니다.',
              '"보너스 포인트"란 포인트 상품을 구매할 때 덤으로 주거나, 이벤트나 보상 등으로 회사가 무상으로 주는 포인트를 말합니다.',
              '"생성"이란 회원이 프롬프트, 모델, 크기, 장수를 정해 이미지를 요청하는 한 번의 작업을 말합니다.',
            ],
          ],
        },
        {
          id: "effect",
          title: "제3조 (약관의 게시, 효력과 언어)",
          blocks: [
            "① 회사는 이 약관을 서비스의 모든 화면 하단에서 연결되는 페이지에 게시하며, 지난 버전도 각각의 주소에서 계속 볼 수 있게 합니다.",
            "② 이 약관은 회원가입 때 동의한 버전이 적용되며, 약관이 바뀌면 제16조에 따릅니다.",
            "③ 이 약관은 한국어로 작성되며, 다른 언어로 된 번역본은 이해를 돕기 위한 것입니다. 번역본과 한국어 원문의 내용이 다르면 한국어 원문이 우선합니다.",
            "④ 이 약관에서 정하지 않은 사항은 전자상거래 등에서의 소비자보호에 관한 법률, 약관의 규제에 관한 법률, 정보통신망 이용촉진 및 정보보호 등에 관한 법률, 개인정보 보호법 등 관계 법령과 일반적인 상관례에 따릅니다.",
          ],
        },
        {
          id: "membership",
          title: "제4조 (회원가입과 계정)",
          blocks: [
            "① 서비스는 만 14세 이상인 사람만 가입할 수 있습니다. 가입할 때 만 14세 이상임을 확인하고, 이 약관과 개인정보 수집·이용에 동의해야 합니다. 마케팅 정보 수신 동의는 선택이며, 동의하지 않아도 서비스를 이용할 수 있습니다.",
            "② 회원은 이메일과 비밀번호, 또는 구글 계정으로 가입할 수 있으며, 가입할 때 사실대로 정보를 입력해야 합니다.",
            "③ 회원은 자신의 계정과 비밀번호를 스스로 관리해야 하며, 다른 사람이 쓰게 해서는 안 됩니다. 계정이 도용된 것을 알게 되면 곧바로 회사에 알려야 합니다.",
            "④ 만 19세 미만의 회원이 법정대리인의 동의 없이 포인트를 구매한 경우, 회원 본인이나 법정대리인은 그 구매를 취소할 수 있습니다.",
            "⑤ 회원은 언제든지 고객센터({supportEmail})에 요청하여 탈퇴할 수 있습니다. 탈퇴하면 개인정보는 개인정보처리방침에 따라 파기하며, 남은 포인트는 제9조에 따라 처리합니다.",
          ],
        },
        {
          id: "service",
          title: "제5조 (서비스의 내용)",
          blocks: [
            "① 회원은 프롬프트를 입력하고 모델, 크기, 장수를 골라 이미지를 생성할 수 있습니다. 한 번에 만들 수 있는 장수와 모델별로 고를 수 있는 크기는 생성 화면에 표시합니다.",
            "② 만든 이미지는 회원 본인만 볼 수 있는 갤러리에 보관하며, 회원은 이를 내려받거나 삭제할 수 있습니다. 생성이 끝나면 결과를 회원의 이메일로도 알려 드립니다.",
            "③ 회사는 서비스에서 쓸 수 있는 모델을 서비스 화면에 안내합니다. 모델은 외부 인공지능 사업자가 제공하는 것일 수 있으며, 회사는 이미지를 만드는 데 필요한 프롬프트만 보내고 회원을 알아볼 수 있는 정보는 보내지 않습니다.",
          ],
        },
        {
          id: "points",
          title: "제6조 (포인트와 가격)",
          blocks: [
            "① 회원은 서비스에 게시된 포인트 상품을 구매하여 포인트를 충전합니다. 원화 결제는 토스페이먼츠를, 미국 달러 결제는 Stripe를 통해 이루어지며, 각 상품의 가격과 충전되는 포인트, 보너스 포인트는 구매 화면에 표시합니다.",
            "② 포인트는 서비스에서 이미지를 생성하는 데에만 쓸 수 있으며, 다른 회원에게 넘기거나 현금으로 바꿀 수 없습니다. 다만, 환불은 제10조에 따릅니다.",
            "③ 모델과 크기에 따른 이미지 한 장의 포인트 가격은 회사가 정해 서비스에 게시하며, 회원은 생성을 시작하기 전에 그 생성에 드는 포인트를 확인할 수 있습니다. 가격이 바뀌어도 이미 시작한 생성에는 시작할 때의 가격을 적용합니다.",
            "④ 회원이 생성을 요청하면 회사는 그 생성에 드는 포인트를 잔액에서 먼저 잡아 둡니다. 생성이 끝나면 실제로 만들어진 이미지의 포인트만 차감하고, 만들지 못한 이미지의 포인트는 곧바로 잔액으로 돌려 드립니다. 생성이 실패하거나, 거부되거나, 회원이 취소하거나, 제한 시간을 넘긴 경우에도 같습니다.",
            "⑤ 포인트 잔액이 생성에 드는 포인트보다 적으면 생성을 요청할 수 없습니다.",
          ],
        },
        {
          id: "bonus-points",
          title: "제7조 (보너스 포인트)",
          blocks: [
            "① 회사는 포인트 상품에 따라 구매 화면에 표시한 비율만큼 보너스 포인트를 결제가 끝날 때 함께 충전합니다. 회사는 이벤트나 서비스 장애 보상 등으로 보너스 포인트를 줄 수도 있으며, 이때 그 조건을 미리 알립니다.",
            "② 포인트를 쓸 때에는 유상 포인트를 먼저, 먼저 충전된 것부터 차감하고, 유상 포인트를 모두 쓴 뒤에 보너스 포인트를 차감합니다.",
            "③ 보너스 포인트는 무상으로 주는 것이므로 환불하거나 현금으로 바꿀 수 없습니다.",
            "④ 포인트 상품의 구매가 취소되거나 환불되면, 그 구매와 함께 받은 보너스 포인트도 함께 회수합니다.",
          ],
        },
        {
          id: "expiry",
          title: "제8조 (포인트의 유효기간)",
          blocks: [
            "① 포인트에는 유효기간이 없습니다. 회원 계정이 있는 동안에는 유상 포인트와 보너스 포인트 모두 소멸하지 않습니다.",
            "② 회사는 포인트의 충전, 사용, 반환, 환불 내역을 회원이 서비스에서 볼 수 있게 합니다.",
          ],
        },
        {
          id: "points-on-withdrawal",
          title: "제9조 (탈퇴할 때의 포인트)",
          blocks: [
            "① 회원이 탈퇴하면 남은 포인트는 모두 소멸하며, 다시 가입해도 되살릴 수 없습니다.",
            "② 남은 유상 포인트를 환불받으려면 탈퇴하기 전에 제10조에 따라 환불을 신청해야 합니다. 탈퇴와 환불을 함께 요청하면 회사는 환불을 마친 뒤에 탈퇴를 처리합니다.",
          ],
        },
        {
          id: "refunds",
          title: "제10조 (청약철회와 환불)",
          blocks: [
            "① 회원은 포인트 상품을 결제한 날부터 7일 이내에, 그 구매로 충전된 포인트를 하나도 쓰지 않았다면 청약을 철회할 수 있으며, 회사는 결제 금액 전부를 환불합니다.",
            "② 제1항의 기간이 지났거나 구매한 포인트를 일부 사용한 경우, 회원은 사용하지 않은 유상 포인트의 환불을 신청할 수 있습니다. 고객센터 담당자가 신청을 검토하여 그 구매에서 1포인트당 실제로 낸 금액에 사용하지 않은 유상 포인트 수를 곱한 금액을 환불하며, 환불 수수료는 받지 않습니다. 1원(미국 달러는 1센트) 미만은 버립니다.",
            "③ 환불은 어떤 경우에도 이미 사용한 포인트에 대해서는 돈을 돌려주지 않으며, 보너스 포인트는 환불 대상이 아닙니다. 어떤 포인트를 사용한 것으로 보는지는 제7조 제2항에 따릅니다.",
            "④ 서비스가 표시·광고된 내용이나 계약 내용과 다르게 제공된 경우, 회원은 포인트를 공급받은 날부터 3개월 이내, 그 사실을 안 날 또는 알 수 있었던 날부터 30일 이내에 청약을 철회할 수 있습니다.",
            "⑤ 청약철회와 환불은 고객센터 이메일({supportEmail})로 신청합니다. 회원 계정의 이메일 주소로 보내 주시고, 결제한 날짜와 금액을 알려 주세요.",
            "⑥ 환불은 결제한 수단을 통해 결제한 통화로 돌려 드립니다. 원화 결제는 토스페이먼츠를 통해, 미국 달러 결제는 Stripe를 통해 취소하거나 환불합니다. 처리 기간과 절차는 환불정책에서 자세히 안내합니다.",
          ],
        },
        {
          id: "images",
          title: "제11조 (생성된 이미지)",
          blocks: [
            "① 생성된 이미지는 회원 본인만 볼 수 있는 비공개 갤러리에 보관하며, 만든 날부터 90일이 지나면 파일과 기록 모두 자동으로 삭제합니다. 회원은 그 전에 언제든지 이미지를 삭제할 수 있으며, 삭제한 이미지는 되살릴 수 없습니다. 필요한 이미지는 90일이 지나기 전에 내려받아 두세요.",
            "② 서비스에서 만든 모든 이미지는 서비스 화면에 인공지능으로 만든 것임을 표시하며, 내려받는 파일에는 인공지능으로 만들었다는 사실을 기계가 읽을 수 있는 형태로 담습니다.",
            "③ 회사는 회원이 만든 이미지에 대해 권리를 주장하지 않으며, 이미지를 서비스 제공(보관, 표시, 결과 안내)에만 씁니다. 다만, 인공지능으로 만든 이미지는 법령상 저작권 보호를 받지 못할 수 있고, 회사는 이미지가 다른 사람의 권리를 침해하지 않는다고 보증하지 않습니다.",
            "④ 이미지를 어디에, 어떻게 쓸지는 회원이 정하며, 그 이용에 대한 책임도 회원에게 있습니다. 회원은 이미지를 공개할 때 인공지능으로 만든 것임을 숨기거나 그 표시를 지워서, 다른 사람이 실제 사진이나 사실로 오인하게 해서는 안 됩니다.",
          ],
        },
        {
          id: "prohibited",
          title: "제12조 (금지되는 프롬프트와 이용)",
          blocks: [
            "회원은 다음에 해당하는 이미지를 요청하거나, 서비스를 다음과 같이 이용해서는 안 됩니다.",
            [
              "법령에 어긋나는 내용, 또는 범죄를 꾸미거나 돕는 내용",
              "아동·청소년이 등장하거나 아동·청소년으로 보이는 사람이 등장하는 성적인 내용",
              "실제 인물의 얼굴이나 모습을 본인의 동의 없이 쓰는 내용, 특히 성적이거나 모욕적인 합성물(딥페이크)",
              "다른 사람의 저작권, 상표권, 초상권, 퍼블리시티권 등 권리를 침해하는 내용",
              "인종, 민족, 성별, 종교, 장애, 성적 지향 등을 이유로 한 혐오나 차별을 부추기는 내용",
              "폭력이나 테러를 부추기거나 미화하는 내용, 다른 사람의 명예를 훼손하는 내용",
              "가짜 신분증이나 문서를 만들거나, 다른 사람을 속이기 위한 내용",
              "서비스의 안전장치를 우회하려는 시도, 서비스를 자동화된 방법으로 과도하게 이용하는 행위, 다른 사람의 계정을 쓰는 행위",
            ],
          ],
        },
        {
          id: "measures",
          title: "제13조 (위반에 대한 조치)",
          blocks: [
            "① 회사는 제12조에 해당하는 요청을 거부할 수 있으며, 거부한 생성의 포인트는 차감하지 않고 돌려 드립니다.",
            "② 회원이 제12조를 위반하면 회사는 해당 이미지를 삭제하고, 위반의 정도에 따라 서비스 이용을 일시 정지하거나 이용계약을 해지할 수 있습니다. 회사는 조치하기 전에 그 이유를 회원에게 알리고 이의를 제기할 기회를 드립니다. 다만, 아동·청소년 성착취물처럼 곧바로 막아야 하는 경우에는 먼저 조치하고 나중에 알릴 수 있습니다.",
            "③ 법령이 신고를 요구하는 내용은 관계 기관에 신고합니다.",
            "④ 이용계약이 해지되어도 사용하지 않은 유상 포인트는 제10조에 따라 환불합니다. 다만, 회원의 위반으로 회사에 손해가 생긴 경우 회사는 법령에 따라 그 배상을 청구할 수 있습니다.",
          ],
        },
        {
          id: "changes-and-outages",
          title: "제14조 (서비스의 변경과 중단)",
          blocks: [
            "① 회사는 더 나은 서비스를 위해 모델을 추가하거나 바꾸거나 중단할 수 있으며, 이미 시작한 생성에는 영향을 주지 않습니다.",
            "② 회사는 설비 점검, 고장, 통신 장애, 외부 인공지능 사업자의 장애 등으로 서비스를 잠시 중단할 수 있습니다. 미리 알 수 있는 중단은 서비스 화면에 미리 알립니다.",
            "③ 장애로 생성이 실패하면 그 생성에 잡아 둔 포인트는 자동으로 돌려 드립니다.",
            "④ 회사가 서비스 전체를 끝내려면 30일 전에 서비스 화면과 이메일로 알리고, 남은 유상 포인트를 제10조 제2항의 방법으로 환불합니다.",
          ],
        },
        {
          id: "liability",
          title: "제15조 (책임)",
          blocks: [
            "① 회사는 고의 또는 과실로 회원에게 손해를 끼친 경우 관계 법령에 따라 배상합니다.",
            "② 회사는 천재지변이나 이에 준하는 불가항력, 또는 회원의 책임 있는 사유로 생긴 손해에 대해서는 책임을 지지 않습니다.",
            "③ 인공지능이 만드는 이미지의 특성상, 회사는 생성된 이미지가 프롬프트나 회원의 기대와 꼭 맞는다고 보증하지 않습니다.",
            "④ 이 조의 어떤 내용도 회사의 고의 또는 중대한 과실로 생긴 손해에 대한 책임이나, 관계 법령이 소비자에게 보장하는 권리를 제한하지 않습니다.",
          ],
        },
        {
          id: "changes-to-terms",
          title: "제16조 (약관의 변경)",
          blocks: [
            "① 회사는 관계 법령을 어기지 않는 범위에서 이 약관을 바꿀 수 있습니다. 바뀐 약관은 새 버전으로 게시하며, 지난 버전도 계속 볼 수 있게 합니다.",
            "② 회사는 바뀐 약관을 시행일 7일 전부터 서비스 화면에 알립니다. 회원에게 불리하게 바뀌는 경우에는 시행일 30일 전부터 알리고, 회원의 이메일로도 따로 알립니다.",
            "③ 회원은 바뀐 약관에 동의하지 않으면 이용을 멈추고 탈퇴할 수 있으며, 이때 사용하지 않은 유상 포인트는 제10조에 따라 환불합니다.",
          ],
        },
        {
          id: "disputes",
          title: "제17조 (준거법과 분쟁 해결)",
          blocks: [
            "① 이 약관과 서비스 이용에는 대한민국 법을 적용합니다. 다만, 회원이 사는 나라의 법이 소비자에게 보장하는 권리는 그대로 누릴 수 있습니다.",
            "② 서비스 이용에 관한 불만이나 분쟁은 먼저 고객센터({supportEmail}, {supportPhone})로 알려 주세요. 회사는 빠르게 답하고 해결하도록 노력합니다.",
            "③ 회원은 한국소비자원의 소비자분쟁조정위원회나 한국인터넷진흥원의 전자거래분쟁조정위원회에 분쟁 조정을 신청할 수도 있습니다.",
            "④ 회사와 회원 사이의 소송은 민사소송법에 따른 관할 법원에 제기합니다.",
          ],
        },
        {
          id: "effective-date",
          title: "부칙",
          blocks: ["이 약관은 2026년 11월 23일부터 시행합니다."],
        },
      ],
    },
    en: {
      title: "Terms of Service",
      translationNote:
        "This is an English translation of the Korean Terms of Service (이용약관), provided for convenience. The Korean text is the binding version; where the two differ, the Korean text prevails.",
      articles: [
        {
          id: "purpose",
          title: "Article 1 (Purpose)",
          blocks: [
            'These Terms set out the rights, obligations and responsibilities of {businessName} (the "Company") and its members, and other necessary matters, for the use of imagesfactory (the "Service"), which the Company operates.',
          ],
        },
        {
          id: "definitions",
          title: "Article 2 (Definitions)",
          blocks: [
            "In these Terms:",
            [
              '"Service" means the Company\'s online service in which AI models make images from text a member writes (a "prompt"), and which keeps and provides those images.',
              '"Member" means a person who has agreed to these Terms and the Privacy Policy and has entered into a service agreement with the Company.',
              '"Points" means the electronic units used in the Service to pay for image generation.',
              '"Paid points" means points a member has bought with money.',
              '"Bonus points" means points the Company gives free of charge, as an extra with a points package or for an event, a compensation or the like.',
              '"Generation" means one request in which a member chooses a prompt, a model, a size and a number of images.',
            ],
          ],
        },
        {
          id: "effect",
          title: "Article 3 (Posting, effect and language of these Terms)",
          blocks: [
            "(1) The Company posts these Terms on a page linked from the bottom of every screen of the Service, and keeps each earlier version readable at its own address.",
            "(2) The version a member agreed to at sign-up applies; when these Terms change, Article 16 applies.",
            "(3) These Terms are written in Korean; versions in other languages are translations to help understanding. Where a translation and the Korean text differ, the Korean text prevails.",
            "(4) Matters not covered by these Terms are governed by the relevant laws, including the Act on Consumer Protection in Electronic Commerce, the Act on the Regulation of Terms and Conditions, the Act on Promotion of Information and Communications Network Utilization and Information Protection and the Personal Information Protection Act, and by general commercial practice.",
          ],
        },
        {
          id: "membership",
          title: "Article 4 (Membership and accounts)",
          blocks: [
            "(1) Only people aged 14 or older may join the Service. At sign-up, a person confirms being 14 or older and agrees to these Terms and to the collection and use of personal data. Consent to marketing messages is optional, and the Service can be used without it.",
            "(2) Members sign up with an email address and a password, or with a Google account, and must give truthful information.",
            "(3) Members look after their own account and password and must not let anyone else use them. A member who learns that their account is being misused must tell the Company at once.",
            "(4) Where a member under 19 buys points without the consent of their legal representative, the member or the legal representative may cancel the purchase.",
            "(5) Members may leave at any time by asking customer support ({supportEmail}). Personal data is then destroyed as the Privacy Policy describes, and remaining points are handled under Article 9.",
          ],
        },
        {
          id: "service",
          title: "Article 5 (The Service)",
          blocks: [
            "(1) Members write a prompt and choose a model, a size and a number of images to generate images. The generation screen shows how many images one generation may make and which sizes each model offers.",
            "(2) Images made are kept in a gallery only the member can see, where the member can download or delete them. When a generation ends, the result is also sent to the member's email address.",
            "(3) The Company shows in the Service which models are available. Models may be provided by outside AI companies; the Company sends them only the prompt needed to make the image, never information that identifies the member.",
          ],
        },
        {
          id: "points",
          title: "Article 6 (Points and prices)",
          blocks: [
            "(1) Members add points by buying the points packages posted in the Service. Payments in Korean won go through Toss Payments and payments in US dollars through Stripe. The purchase screen shows each package's price, the points it adds and its bonus points.",
            "(2) Points can be used only to generate images in the Service; they cannot be transferred to other members or exchanged for cash, except for refunds under Article 10.",
            "(3) The Company sets and posts in the Service the points price of one image for each model and size, and a member sees what a generation will cost before starting it. A price change does not affect a generation already started.",
            "(4) When a member asks for a generation, the Company first holds the points it costs from the balance. When the generation ends, only the points for images actually made are charged, and the points for images not made are returned to the balance at once. The same applies when a generation fails, is refused, is cancelled by the member or runs out of time.",
            "(5) A generation cannot be requested when the balance is lower than its cost.",
          ],
        },
        {
          id: "bonus-points",
          title: "Article 7 (Bonus points)",
          blocks: [
            "(1) For each points package, the Company adds the bonus points shown on the purchase screen when the payment completes. The Company may also give bonus points for events, as compensation for a service outage or the like, and states the conditions beforehand.",
            "(2) When points are used, paid points are used first, the earliest credited first; bonus points are used only once all paid points are used.",
            "(3) Bonus points are given free of charge, so they cannot be refunded or exchanged for cash.",
            "(4) When the purchase of a points package is cancelled or refunded, the bonus points received with it are withdrawn as well.",
          ],
        },
        {
          id: "expiry",
          title: "Article 8 (Expiry of points)",
          blocks: [
            "(1) Points do not expire. As long as the member's account exists, neither paid points nor bonus points lapse.",
            "(2) The Company shows members in the Service every addition, use, return and refund of their points.",
          ],
        },
        {
          id: "points-on-withdrawal",
          title: "Article 9 (Points when leaving)",
          blocks: [
            "(1) When a member leaves the Service, all remaining points lapse and cannot be restored, even by joining again.",
            "(2) To be refunded for remaining paid points, a member must ask for a refund under Article 10 before leaving. When a member asks for both, the Company completes the refund before closing the account.",
          ],
        },
        {
          id: "refunds",
          title: "Article 10 (Withdrawal and refunds)",
          blocks: [
            "(1) Within 7 days of paying for a points package, a member whose points from that purchase are all unused may withdraw from the purchase (청약철회), and the Company refunds the full amount paid.",
            "(2) After that period, or once some of the purchased points are used, a member may ask for a refund of the unused paid points. Customer support reviews the request and refunds the number of unused paid points multiplied by the amount actually paid per point in that purchase, with no refund fee. Amounts below 1 won (1 cent for US dollars) are dropped.",
            "(3) A refund never returns money for points already used, and bonus points are never refunded. Which points count as used follows Article 7(2).",
            "(4) Where the Service was provided differently from what was displayed or advertised or from the contract, a member may withdraw within 3 months of receiving the points, or within 30 days of when the member learned or could have learned of it.",
            "(5) To withdraw or ask for a refund, write to customer support at {supportEmail} from the email address of your account, with the date and amount of the payment.",
            "(6) Refunds go back through the payment method used, in the currency paid: payments in Korean won are cancelled or refunded through Toss Payments, payments in US dollars through Stripe. The Refund Policy describes the steps and how long they take.",
          ],
        },
        {
          id: "images",
          title: "Article 11 (Generated images)",
          blocks: [
            "(1) Generated images are kept in a private gallery only the member can see, and are deleted automatically, files and records, 90 days after they were made. A member may delete an image earlier at any time; a deleted image cannot be restored. Download the images you need before 90 days pass.",
            "(2) Every image made in the Service is labelled in the Service as made by AI, and every downloaded file carries a machine-readable statement that it was made by AI.",
            "(3) The Company claims no rights in the images a member makes and uses them only to provide the Service (keeping, showing and sending results). AI-made images may, however, not be protected by copyright under the law, and the Company does not warrant that an image infringes no one else's rights.",
            "(4) The member decides where and how to use the images and is responsible for that use. When publishing an image, a member must not hide that it was made by AI or remove that label so that others take it for a real photograph or a fact.",
          ],
        },
        {
          id: "prohibited",
          title: "Article 12 (Prohibited prompts and use)",
          blocks: [
            "Members must not request images, or use the Service, as follows:",
            [
              "content that breaks the law, or that plans or helps a crime",
              "sexual content involving children or adolescents, or people who appear to be",
              "content using a real person's face or likeness without their consent, above all sexual or degrading composites (deepfakes)",
              "content infringing others' rights, such as copyright, trademarks, portrait or publicity rights",
              "content stirring up hatred of or discrimination against people for their race, ethnicity, sex, religion, disability, sexual orientation or the like",
              "content inciting or glorifying violence or terrorism, or defaming others",
              "fake identity cards or documents, or content meant to deceive others",
              "attempts to get around the Service's safeguards, excessive automated use of the Service, or use of someone else's account",
            ],
          ],
        },
        {
          id: "measures",
          title: "Article 13 (Measures against violations)",
          blocks: [
            "(1) The Company may refuse a request covered by Article 12; the points of a refused generation are not charged but returned.",
            "(2) If a member violates Article 12, the Company deletes the images concerned and, depending on the seriousness of the violation, may suspend the member's use of the Service or terminate the service agreement. Before acting, the Company tells the member why and gives them a chance to object; where something must be stopped at once, such as sexual exploitation material involving children or adolescents, the Company may act first and tell the member afterwards.",
            "(3) Content the law requires to be reported is reported to the competent authorities.",
            "(4) Even when the service agreement is terminated, unused paid points are refunded under Article 10. Where a member's violation has caused the Company damage, the Company may claim compensation as the law provides.",
          ],
        },
        {
          id: "changes-and-outages",
          title: "Article 14 (Changes to and interruptions of the Service)",
          blocks: [
            "(1) To improve the Service, the Company may add, change or withdraw models; this does not affect generations already started.",
            "(2) The Company may interrupt the Service for a while for maintenance, breakdowns, network failures, outages of outside AI companies and the like. Interruptions known in advance are announced in the Service beforehand.",
            "(3) When a generation fails because of an outage, the points held for it are returned automatically.",
            "(4) Before ending the whole Service, the Company announces it in the Service and by email 30 days ahead and refunds remaining paid points as in Article 10(2).",
          ],
        },
        {
          id: "liability",
          title: "Article 15 (Liability)",
          blocks: [
            "(1) The Company compensates members, as the law provides, for damage it causes them intentionally or negligently.",
            "(2) The Company is not liable for damage caused by natural disasters or comparable force majeure, or by reasons for which the member is responsible.",
            "(3) Given the nature of AI-made images, the Company does not warrant that a generated image exactly matches the prompt or the member's expectations.",
            "(4) Nothing in this Article limits the Company's liability for damage caused intentionally or by gross negligence, or any right the law guarantees to consumers.",
          ],
        },
        {
          id: "changes-to-terms",
          title: "Article 16 (Changes to these Terms)",
          blocks: [
            "(1) The Company may change these Terms within the limits of the law. Changed Terms are posted as a new version, and earlier versions stay readable.",
            "(2) The Company announces changed Terms in the Service from 7 days before they take effect. Changes to members' disadvantage are announced from 30 days before and also sent to each member's email address.",
            "(3) A member who does not agree to changed Terms may stop using the Service and leave; unused paid points are then refunded under Article 10.",
          ],
        },
        {
          id: "disputes",
          title: "Article 17 (Governing law and disputes)",
          blocks: [
            "(1) These Terms and the use of the Service are governed by the laws of the Republic of Korea. Members keep any rights that the law of the country where they live guarantees to consumers.",
            "(2) Please bring complaints or disputes about the Service to customer support first ({supportEmail}, {supportPhone}). The Company strives to answer and resolve them promptly.",
            "(3) Members may also apply for mediation to the Consumer Dispute Settlement Commission of the Korea Consumer Agency (소비자분쟁조정위원회) or to the Electronic Commerce Mediation Committee of the Korea Internet & Security Agency (전자거래분쟁조정위원회).",
            "(4) Lawsuits between the Company and a member are brought before the court having jurisdiction under the Civil Procedure Act.",
          ],
        },
        {
          id: "effective-date",
          title: "Addendum",
          blocks: ["These Terms take effect on 23 November 2026."],
        },
      ],
    },
  },
};

/** Self-service withdrawal on My page, and the AI labelling of every image (issue 11). */
const TERMS_2026_12_01 = reviseVersion(TERMS_2026_11_23, {
  version: "terms-2026-12-01",
  effectiveDate: "2026-12-01",
  announcedOn: "2026-11-24",
  articles: {
    ko: {
      membership: [
        "① 서비스는 만 14세 이상인 사람만 가입할 수 있습니다. 가입할 때 만 14세 이상임을 확인하고, 이 약관과 개인정보 수집·이용에 동의해야 합니다. 마케팅 정보 수신 동의는 선택이며, 동의하지 않아도 서비스를 이용할 수 있습니다.",
        "② 회원은 이메일과 비밀번호, 또는 구글 계정으로 가입할 수 있으며, 가입할 때 사실대로 정보를 입력해야 합니다.",
        "③ 회원은 자신의 계정과 비밀번호를 스스로 관리해야 하며, 다른 사람이 쓰게 해서는 안 됩니다. 계정이 도용된 것을 알게 되면 곧바로 회사에 알려야 합니다.",
        "④ 만 19세 미만의 회원이 법정대리인의 동의 없이 포인트를 구매한 경우, 회원 본인이나 법정대리인은 그 구매를 취소할 수 있습니다.",
        "⑤ 회원은 언제든지 마이페이지에서 직접, 또는 고객센터({supportEmail})에 요청하여 탈퇴할 수 있습니다. 탈퇴하면 개인정보는 개인정보처리방침에 따라 파기하며, 남은 포인트는 제9조에 따라 처리합니다.",
      ],
      service: [
        "① 회원은 프롬프트를 입력하고 모델, 크기, 장수를 골라 이미지를 생성할 수 있습니다. 한 번에 만들 수 있는 장수와 모델별로 고를 수 있는 크기는 생성 화면에 표시합니다.",
        "② 만든 이미지는 회원 본인만 볼 수 있는 갤러리에 보관하며, 회원은 이를 내려받거나 삭제할 수 있습니다. 생성이 끝나면 결과를 회원의 이메일로도 알려 드립니다.",
        "③ 회사는 서비스에서 쓸 수 있는 모델을 서비스 화면에 안내합니다. 모델은 외부 인공지능 사업자가 제공하는 것일 수 있으며, 회사는 이미지를 만드는 데 필요한 프롬프트만 보내고 회원을 알아볼 수 있는 정보는 보내지 않습니다.",
        "④ 서비스가 만든 이미지는 인공지능이 생성한 것입니다. 회사는 인공지능 발전과 신뢰 기반 조성 등에 관한 기본법에 따라, 서비스 화면에서 이미지마다 인공지능이 생성했다는 사실과 사용한 모델을 표시하고, 내려받기, 압축 파일, 개인정보 내려받기 등으로 서비스 밖으로 나가는 이미지 파일에는 같은 사실을 기계가 읽을 수 있는 정보(XMP와 C2PA 콘텐츠 자격증명)로 넣습니다. 내려받는 파일에는 눈에 보이는 'AI 생성' 표시도 넣을 수 있습니다. 이 정보에는 회원을 알아볼 수 있는 정보나 프롬프트를 넣지 않습니다.",
      ],
      "effective-date": ["이 약관은 2026년 12월 1일부터 시행합니다."],
    },
    en: {
      membership: [
        "(1) Only people aged 14 or older may join the Service. At sign-up, a person confirms being 14 or older and agrees to these Terms and to the collection and use of personal data. Consent to marketing messages is optional, and the Service can be used without it.",
        "(2) Members sign up with an email address and a password, or with a Google account, and must give truthful information.",
        "(3) Members look after their own account and password and must not let anyone else use them. A member who learns that their account is being misused must tell the Company at once.",
        "(4) Where a member under 19 buys points without the consent of their legal representative, the member or the legal representative may cancel the purchase.",
        "(5) Members may leave at any time on My page, or by asking customer support ({supportEmail}). Personal data is then destroyed as the Privacy Policy describes, and remaining points are handled under Article 9.",
      ],
      service: [
        "(1) Members write a prompt and choose a model, a size and a number of images to generate images. The generation screen shows how many images one generation may make and which sizes each model offers.",
        "(2) Images made are kept in a gallery only the member can see, where the member can download or delete them. When a generation ends, the result is also sent to the member's email address.",
        "(3) The Company shows in the Service which models are available. Models may be provided by outside AI companies; the Company sends them only the prompt needed to make the image, never information that identifies the member.",
        '(4) Images the Service makes are generated by AI. As Korea\'s AI Basic Act requires, the Company shows in the Service, for each image, that it was generated by AI and with which model, and writes the same into every image file that leaves the Service (downloads, ZIP files and the data export) as machine-readable information (XMP and C2PA content credentials). Downloaded files may also carry a visible "AI-generated" mark. This information never includes anything that identifies the member, nor the prompt.',
      ],
      "effective-date": ["These Terms take effect on 1 December 2026."],
    },
  },
});

export const TERMS: LegalDocument = { versions: [TERMS_2026_12_01, TERMS_2026_11_23] };

validateLegalNotice(TERMS);
