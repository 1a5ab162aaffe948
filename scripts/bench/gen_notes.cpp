// gen-notes: deterministic synthetic study notes in the style of
// data/aws-overview.ko.md, for the build-throughput benchmark.
//
//   gen-notes --size-mb N [--out FILE] [--split DIR] [--aliases FILE] [--seed S]
//             [--service-bytes B]
//
// One pass generates the corpus; --out writes it as one file, --split writes
// the same sections as one file per service plus 000000-overview.md holding
// the title, intro and closing sections. Each service file repeats the
// headings above its service ("# AWS 서비스", "## Category") so that the
// classification rules (data/classes.rules: a service is a level-3 heading
// within "AWS 서비스") see the same structure as in the single file; the split
// corpus is the single one's bytes plus those headings, minus the <details>
// wrapper. --aliases writes the Korean aliases the notes use as a notegraph
// alias table (ALIAS<TAB>NAME, see data/aliases.tsv) for `--aliases`.
// Sizes are decimal: 1 MB = 1,000,000 bytes. The service count is
// size / service bytes (default 10,000: a service's notes are ~25 paragraphs,
// lists and the odd code block), so the 100 MB corpus is 10,000 services and
// its split form the "10,000 small files". Output depends only on the
// arguments (own PRNG, no std:: distributions): identical on every platform.
#include <cerrno>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include <sys/stat.h>

namespace {

struct Rng {
  std::uint64_t s;
  std::uint64_t next() {  // splitmix64
    std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(((next() >> 32) * n) >> 32); }
  std::uint32_t range(std::uint32_t lo, std::uint32_t hi) { return lo + below(hi - lo + 1); }  // inclusive
  bool chance(std::uint32_t pct) { return below(100) < pct; }
  template <class T, std::size_t N>
  const T& pick(const T (&a)[N]) { return a[below(N)]; }
};

struct Word {
  const char* en;
  const char* ko;
};

struct Category {
  const char* name;
  std::vector<Word> nouns;
};

const Word kModifiers[] = {
    {"Elastic", "일래스틱"},   {"Simple", "심플"},         {"Managed", "매니지드"},   {"Cloud", "클라우드"},
    {"Global", "글로벌"},      {"Private", "프라이빗"},    {"Serverless", "서버리스"}, {"Direct", "다이렉트"},
    {"Secure", "시큐어"},      {"Hybrid", "하이브리드"},   {"Edge", "엣지"},           {"Virtual", "버추얼"},
    {"Auto", "오토"},          {"Open", "오픈"},           {"Smart", "스마트"},        {"Cross", "크로스"},
    {"Instant", "인스턴트"},   {"Deep", "딥"},             {"Unified", "유니파이드"},  {"Dedicated", "데디케이티드"},
    {"Shared", "셰어드"},      {"Dynamic", "다이내믹"},    {"Native", "네이티브"},     {"Stream", "스트림"},
    {"Batch", "배치"},         {"Event", "이벤트"},        {"Data", "데이터"},         {"Graph", "그래프"},
    {"Key", "키"},             {"Object", "오브젝트"},     {"Block", "블록"},          {"Relational", "릴레이셔널"},
    {"Quantum", "퀀텀"},       {"Lightweight", "라이트웨이트"}, {"Regional", "리저널"}, {"Fast", "패스트"},
};

std::vector<Category> make_categories() {
  return {
      {"Compute", {{"Compute", "컴퓨트"}, {"Instance", "인스턴스"}, {"Container Service", "컨테이너 서비스"},
                   {"Runner", "러너"}, {"Functions", "펑션"}, {"Fleet", "플릿"}, {"Scaling", "스케일링"},
                   {"Engine", "엔진"}, {"Kubernetes Service", "쿠버네티스 서비스"}}},
      {"Network", {{"Network", "네트워크"}, {"Gateway", "게이트웨이"}, {"Mesh", "메시"},
                   {"Load Balancing", "로드 밸런싱"}, {"Connect", "커넥트"}, {"Accelerator", "액셀러레이터"},
                   {"Route", "라우트"}, {"Private Cloud", "프라이빗 클라우드"}}},
      {"보안 및 준수 규정", {{"Guard", "가드"}, {"Shield", "실드"}, {"Vault", "볼트"}, {"Inspector", "인스펙터"},
                             {"Firewall", "방화벽"}, {"Key Management Service", "키 관리 서비스"},
                             {"Certificate Manager", "인증서 매니저"}, {"Directory Service", "디렉터리 서비스"}}},
      {"스토리지와 콘텐츠 딜리버리", {{"Storage", "스토리지"}, {"Bucket", "버킷"}, {"Archive", "아카이브"},
                                      {"Block Store", "블록 스토어"}, {"File System", "파일 시스템"},
                                      {"Front", "프런트"}, {"Storage Gateway", "스토리지 게이트웨이"}}},
      {"데이터베이스", {{"Database Service", "데이터베이스 서비스"}, {"Ledger Database", "렛저 데이터베이스"},
                        {"Cache", "캐시"}, {"Table", "테이블"}, {"Store", "스토어"}, {"DB", "DB"},
                        {"Graph Database", "그래프 데이터베이스"}}},
      {"분석 도구", {{"Analytics", "애널리틱스"}, {"Search", "서치"}, {"Data Pipeline", "데이터 파이프라인"},
                     {"Lake Formation", "레이크 포메이션"}, {"Insight", "인사이트"}, {"Query Service", "쿼리 서비스"},
                     {"Streams", "스트림즈"}}},
      {"애플리케이션 서비스", {{"Workflow Service", "워크플로 서비스"}, {"API Gateway", "API 게이트웨이"},
                               {"Step Functions", "스텝 펑션"}, {"Transcoder", "트랜스코더"}, {"AppSync", "앱싱크"}}},
      {"개발자 도구", {{"CodeBuild", "코드빌드"}, {"CodeCommit", "코드커밋"}, {"CodeDeploy", "코드디플로이"},
                       {"CodePipeline", "코드파이프라인"}, {"Studio", "스튜디오"}, {"Debugger", "디버거"}}},
      {"관리 도구", {{"CloudFormation", "클라우드포메이션"}, {"Watch", "워치"}, {"Config", "컨피그"},
                     {"Service Catalog", "서비스 카탈로그"}, {"OpsWorks", "옵스웍스"}, {"Trail", "트레일"}}},
      {"메시징", {{"Notification Service", "알림 서비스"}, {"Email Service", "이메일 서비스"},
                  {"Queue Service", "큐 서비스"}, {"Event Bus", "이벤트 버스"}, {"Message Broker", "메시지 브로커"}}},
      {"마이그레이션", {{"Migration Service", "마이그레이션 서비스"}, {"Discovery Service", "디스커버리 서비스"},
                        {"Snowball", "스노볼"}, {"Transfer Family", "트랜스퍼 패밀리"}}},
      {"인공지능", {{"Rekognition", "레코그니션"}, {"Speech", "스피치"}, {"Translate", "트랜슬레이트"},
                    {"SageMaker", "세이지메이커"}, {"Forecast", "포캐스트"}, {"Lex", "렉스"}}},
      {"사물인터넷", {{"IoT Core", "IoT 코어"}, {"IoT Button", "IoT 버튼"}, {"Greengrass", "그린그래스"},
                      {"Things Graph", "싱스 그래프"}}},
      {"모바일 서비스", {{"Mobile Hub", "모바일 허브"}, {"Device Farm", "디바이스 팜"}, {"Cognito", "코그니토"},
                         {"Amplify", "앰플리파이"}, {"Mobile Analytics", "모바일 애널리틱스"}}},
  };
}

struct Service {
  std::string label;    // "Amazon Elastic Graph Cache 42"
  std::string short_;   // "Elastic Graph Cache 42"
  std::string acronym;  // "EGC42" or empty
  std::string ko;       // "일래스틱 그래프 캐시 42"
  std::string slug;     // "elastic-graph-cache-42"
  std::uint32_t category = 0;
  bool tight_paren = false;  // "### Foo(FB)" like the seed's EKS heading
};

// Korean sentences mentioning other services; {A} and {B} are replaced.
const char* const kKoMention[] = {
    "{A}와 통합하여 제공되며, 별도 비용 없이 사용한 리소스에 대한 비용만 지불하면 된다.",
    "{A} 기반의 완전 관리형 서비스로 설치나 패치 작업 없이 바로 사용할 수 있다.",
    "{A}와 함께 사용하면 트래픽이 몰릴 때 인스턴스를 자동으로 늘리고 줄일 수 있다.",
    "{A}와 호환되므로 기존 애플리케이션 코드, 드라이버, 도구를 그대로 사용할 수 있다.",
    "예를 들어 {A} 업로드, {B} 업데이트 등을 위한 이벤트 트리거를 구현해 즉시 실행할 수 있다.",
    "{A} 및 {B}와 통합 제공되는데, 사용량에 대한 비용만 지불하면 된다.",
    "{A}에 저장된 데이터를 {B}로 옮겨 분석할 수 있다.",
    "{A}나 {B}에서 모두 사용할 수 있는 서버리스 엔진이다.",
    "{A}와 호환되는 API를 제공하며 {B} 기반 워크로드도 지원한다.",
    "{A}의 로그와 지표를 수집해 {B}와 함께 사용할 수 있다.",
    "온프레미스 환경에서도 {A}와 연결해 하이브리드 구성을 만들 수 있다.",
    "{A}를 이용하면 {B}의 접근 권한을 중앙에서 관리할 수 있다.",
    "고가용성을 위해 다수의 AZ에 배포되며 {A}와 통합된다.",
    "{A} 위에서 동작하므로 {A}의 확장성과 보안 기능을 그대로 활용한다.",
};

const char* const kKoPlain[] = {
    "클라우드에서 가상화된 리소스를 제공하며, 사용자의 목적에 따라 용량과 성능을 선택할 수 있다.",
    "완전 관리형 서비스로 프로비저닝, 패치, 백업 등의 작업을 자동으로 처리한다.",
    "확장성, 유연성, 비용 효율성을 지닌 웹 서비스로 제반 업무를 손쉽게 처리할 수 있다.",
    "사용자는 서버 클러스터 관리에 신경 쓸 필요 없이 문제 해결과 결과 분석에만 집중할 수 있다.",
    "트래픽 관리, 접근 제어, 권한 인증, 이벤트 모니터링 등 수십만 건의 동시 호출을 처리한다.",
    "고확장성, 고신뢰성, 고보안성을 자랑하며 99.99%의 가용성을 보장한다.",
    "사용량별 과금 모델을 따르며 초기 비용이나 장기 약정이 필요 없다.",
    "데이터 센터 구축 비용을 절약하고 단기간 내 세계화가 가능하다.",
    "헬스 체크 지표가 일정 수준 이하라면 해당 서버를 자동으로 교체할 수도 있다.",
    "콘솔, CLI, SDK를 통해 리소스를 생성하고 관리할 수 있다.",
    "리전과 가용 영역을 선택해 지연 시간을 줄이고 규정 준수 요구사항을 충족할 수 있다.",
    "암호화 키는 고객이 직접 관리하거나 서비스가 대신 관리하도록 선택할 수 있다.",
    "변경 이력을 모두 기록하므로 감사와 문제 분석에 활용할 수 있다.",
    "초당 수백만 건의 요청을 처리할 수 있도록 설계되었다.",
};

const char* const kEnMention[] = {
    "It integrates with {A}, so events from {B} can trigger processing without extra servers.",
    "Built on {A}, it inherits the same durability and security model.",
    "Use it together with {A} to scale out when traffic grows and scale in when it drops.",
    "The API is compatible with {A}, so existing drivers and tools keep working.",
    "Data stored in {A} can be queried in place or exported to {B} for analytics.",
    "You can run it on {A} or {B} without provisioning or managing servers.",
    "Access to {A} is controlled by the same policies that protect {B}.",
    "Logs and metrics are delivered to {A} and can be combined with {B} dashboards.",
};

const char* const kEnPlain[] = {
    "You pay only for the resources you use, with no upfront commitment.",
    "It is a fully managed service: provisioning, patching and backups are automatic.",
    "Capacity scales automatically with demand, and health checks replace failed nodes.",
    "Resources can be created from the console, the CLI or any of the SDKs.",
    "Deploy across several Availability Zones for high availability and fault tolerance.",
    "Encryption at rest and in transit is enabled by default.",
    "Every change is recorded, which helps with audits and troubleshooting.",
    "It is designed to handle millions of requests per second with low latency.",
};

const char* const kTerms[] = {"요금", "가용성", "확장성", "보안", "연동", "제한 사항", "Pricing",
                              "Limits", "사용 사례", "특징", "SLA", "모니터링", "백업", "Region"};

const char* const kShortItems[] = {
    "사용한 만큼만 비용 지불",          "콘솔, CLI, SDK 지원",          "다중 AZ 배포로 고가용성 확보",
    "IAM 정책으로 접근 제어",           "저장 데이터 암호화 기본 제공", "자동 백업 및 특정 시점 복구",
    "Pay as you go pricing",            "Fully managed, no servers",   "Scales to millions of requests",
    "온디맨드 방식으로 신속하게 배포",  "규모의 경제 달성",            "프라이빗 네트워크 연결 지원",
};

const char* const kVerbs[] = {"create", "describe", "list", "update", "delete", "start", "stop", "tag"};
const char* const kThings[] = {"cluster", "instance", "stream", "table", "bucket", "pipeline", "endpoint", "policy"};

std::string slugify(std::string_view s) {
  std::string out;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')) out += c;
    else if (u >= 'A' && u <= 'Z') out += static_cast<char>(u - 'A' + 'a');
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

class Generator {
public:
  Generator(std::uint64_t seed, std::uint64_t target_bytes, std::uint64_t service_bytes)
      : rng_{seed}, target_(target_bytes), cats_(make_categories()) {
    std::uint64_t n = (target_bytes + service_bytes / 2) / service_bytes;
    services_.resize(n ? n : 1);
    build_catalogue();
  }

  std::size_t service_count() const { return services_.size(); }
  const Service& service(std::size_t i) const { return services_[i]; }
  const char* category_name(std::size_t i) const { return cats_[services_[i].category].name; }
  // Service i is the first of its category ("## Category" goes before it).
  bool group_starts(std::size_t i) const { return group_start_[i]; }

  std::string preamble() const {
    std::string s;
    s += "# 1. 클라우드 컴퓨팅과 AWS 개요\n\n";
    s += "## 1. 클라우드 컴퓨팅\n\n";
    s += "## 1.1 클라우드 컴퓨팅이란?\n\n";
    s += "`어디서든 접속 가능하고 편리하며, 온디맨드 방식으로 신속하게 배포된 공유 컴퓨팅 자원에 접근할 수 있는 컴퓨팅 기술`\n\n";
    s += "## 1.2 클라우드의 세 가지 특성\n\n";
    s += "1. 온디맨드: 필요에 따라 언제든 접근할 수 있는 IT 인프라를 필요한 만큼 사용\n";
    s += "2. 인터넷을 통한 자원 접근\n3. 사용량별 과금 모델\n\n";
    s += "## 1.3 클라우드 컴퓨팅의 3대 모델\n\n";
    s += "- IaaS: 컴퓨팅, 네트워킹, 스토리지, 데이터 센터 공간 등 클라우드 IT 환경 전반을 제공\n";
    s += "- PaaS: IT 인프라 관리 업무 전담\n";
    s += "- SaaS: 인터넷을 통해 어플리케이션을 제공하기만 하면 됨.\n\n";
    s += "## 1.4 이 노트에 대하여\n\n";
    s += "notegraph 벤치마크용 합성 노트(synthetic notes)다. 서비스 " + std::to_string(services_.size()) +
         "개를 카테고리별로 정리했으며, 각 서비스는 다른 서비스를 이름, 약어, 한글 별칭으로 언급한다.\n\n";
    s += "## 2 AWS 제품과 서비스\n\n";
    return s;
  }
  static std::string details_open() {
    return "\n<details>\n<summary>AWS 서비스</summary>\n<div markdown=\"1\">\n\n# AWS 서비스\n\n";
  }
  static std::string details_close() { return "</div>\n</details>\n\n"; }
  static std::string closing() {
    return "## 3. 추가 자료\n\n"
           "### AWS 완전 관리형(Fully Managed) 서비스 vs 관리형(Managed) 서비스 차이\n\n"
           "- **완전관리형, fully-managed**\n"
           "    - 사용자가 RDS, DynamoDB, ElastiCache, Redshift와 같은 DB 서비스를 이용하는 것\n"
           "    - 내부적으로 서버/OS가 있지만 사용자에게는 드러나지 않는다.\n"
           "- **관리형, managed**\n"
           "    - 사용자가 AWS EC2에 DB를 직접 설치하여 운영하는 경우\n"
           "    - DB 설치, 백업, 가용성에 대한 부분을 사용자가 직접 관리해야한다.\n";
  }

  // The "### Service" section of service i (ends with a blank line), about
  // `budget` bytes long.
  std::string section(std::size_t i, std::uint64_t budget) {
    const Service& s = services_[i];
    std::string out;
    out += "### " + s.label;
    if (!s.acronym.empty()) out += (s.tight_paren ? "(" : " (") + s.acronym + ")";
    out += "\n\n";
    std::size_t start = out.size();
    out += first_paragraph(i);
    bool aliases = false;
    while (out.size() - start + 120 < budget) {
      std::uint32_t r = rng_.below(100);
      if (r < 40) out += ko_paragraph(i);
      else if (r < 58) out += en_paragraph(i);
      else if (r < 72) out += bullet_list(i);
      else if (r < 79) out += ordered_list(i);
      else if (r < 84 && !aliases) { out += alias_items(i); aliases = true; }
      else if (r < 90) out += blockquote(i);
      else if (r < 96) out += code_block(i);
      else if (r < 98) out += small_table(i);
      else out += ko_paragraph(i);
    }
    return out;
  }

  std::uint64_t target() const { return target_; }
  Rng& rng() { return rng_; }

private:
  void build_catalogue() {
    // Each category heading appears once, as in the seed: category c holds a
    // contiguous run of services, runs weighted 2..6 at random.
    const std::size_t n = services_.size();
    std::vector<std::size_t> end(cats_.size());
    std::uint64_t total = 0, acc = 0;
    std::vector<std::uint32_t> weight(cats_.size());
    for (auto& w : weight) total += (w = rng_.range(2, 6));
    for (std::size_t c = 0; c < cats_.size(); ++c) {
      acc += weight[c];
      end[c] = static_cast<std::size_t>(n * acc / total);
    }
    group_start_.assign(n, false);
    std::uint32_t cat = 0;
    for (std::size_t i = 0; i < n; ++i) {
      bool first = i == 0;
      while (i >= end[cat]) ++cat, first = true;
      group_start_[i] = first;
      Service& s = services_[i];
      s.category = cat;
      const std::string prefix = rng_.chance(60) ? "Amazon" : "AWS";
      std::vector<Word> words;
      std::uint32_t mods = rng_.below(100) < 25 ? 0 : (rng_.chance(70) ? 1 : 2);
      for (std::uint32_t k = 0; k < mods; ++k) {
        const Word& m = rng_.pick(kModifiers);
        if (words.empty() || words.back().en != m.en) words.push_back(m);  // no "Key Key"
      }
      const auto& nouns = cats_[cat].nouns;
      words.push_back(nouns[rng_.below(static_cast<std::uint32_t>(nouns.size()))]);
      const std::string num = std::to_string(i + 1);
      std::string en, ko, initials;
      for (const Word& w : words) {
        if (!en.empty()) en += ' ', ko += ' ';
        en += w.en;
        ko += w.ko;
        for (const char* p = w.en; *p; ++p)  // initials of every word, including inside "Key Management Service"
          if ((p == w.en || p[-1] == ' ') && *p >= 'A' && *p <= 'Z') initials += *p;
      }
      s.short_ = en + " " + num;
      s.label = prefix + " " + s.short_;
      s.ko = ko + " " + num;
      s.slug = slugify(s.short_);
      if (initials.size() >= 2 && rng_.chance(75)) s.acronym = initials + num;
      s.tight_paren = rng_.chance(8);
    }
  }

  std::size_t other(std::size_t i) {
    std::size_t n = services_.size();
    if (n == 1) return 0;
    std::size_t j;
    do {
      if (rng_.chance(70)) {  // mostly neighbours, both earlier and later ones
        std::int64_t d = static_cast<std::int64_t>(rng_.below(101)) - 50;
        std::int64_t k = static_cast<std::int64_t>(i) + d;
        j = static_cast<std::size_t>(((k % static_cast<std::int64_t>(n)) + static_cast<std::int64_t>(n)) %
                                     static_cast<std::int64_t>(n));
      } else {
        j = rng_.below(static_cast<std::uint32_t>(n));
      }
    } while (j == i);
    return j;
  }

  // How a note refers to service j: label, acronym, Korean alias or short name.
  std::string mention(std::size_t j) {
    const Service& s = services_[j];
    std::uint32_t r = rng_.below(100);
    if (r < 35) return s.label;
    if (r < 65 && !s.acronym.empty()) return s.acronym;
    if (r < 85) return s.ko;
    return s.short_;
  }

  std::string fill(const char* tmpl, std::size_t i) {
    std::string a = mention(other(i)), b = mention(other(i)), out;
    for (const char* p = tmpl; *p; ++p) {
      if (p[0] == '{' && (p[1] == 'A' || p[1] == 'B') && p[2] == '}') {
        out += p[1] == 'A' ? a : b;
        p += 2;
      } else {
        out += *p;
      }
    }
    return out;
  }

  std::string inline_extra(std::size_t i) {
    const Service& s = services_[i];
    std::string id = lower(s.acronym.empty() ? s.slug : s.acronym);
    switch (rng_.below(3)) {
      case 0:
        return std::string("`aws ") + id + " " + rng_.pick(kVerbs) + "-" + rng_.pick(kThings) +
               "` 명령으로 리소스 상태를 확인할 수 있다.";
      case 1:
        return "자세한 내용은 [" + s.short_ + " 개발자 안내서](https://docs.aws.amazon.com/" + s.slug +
               "/latest/developerguide/)를 참고한다.";
      default:
        return "See the [" + s.label + " FAQ](https://aws.amazon.com/" + s.slug + "/faqs/) for quotas and pricing.";
    }
  }

  std::string paragraph(std::size_t i, bool english, std::string first) {
    std::string p = std::move(first);
    std::uint32_t want = rng_.range(200, 400);
    const char* last = nullptr;
    while (p.size() < want) {
      if (!p.empty()) p += rng_.chance(25) ? '\n' : ' ';
      std::uint32_t r = rng_.below(100);
      if (r < 10) {
        p += inline_extra(i);
      } else if (r < 60) {
        p += fill(english ? rng_.pick(kEnMention) : rng_.pick(kKoMention), i);
      } else {
        const char* plain = english ? rng_.pick(kEnPlain) : rng_.pick(kKoPlain);
        if (plain == last) plain = english ? kEnPlain[0] : kKoPlain[0];  // no sentence twice in a row
        p += plain;
        last = plain;
      }
    }
    return p + "\n\n";
  }

  std::string first_paragraph(std::size_t i) {
    const Service& s = services_[i];
    std::string lead;
    switch (rng_.below(4)) {
      case 0: lead = s.label + "(" + s.ko + ")는 " + cats_[s.category].name + " 분야의 완전 관리형 서비스다."; break;
      case 1: lead = (s.acronym.empty() ? s.short_ : s.acronym) + "는 " + rng_.pick(kKoPlain); break;
      default: lead = rng_.pick(kKoPlain); break;
    }
    return paragraph(i, false, lead);
  }
  std::string ko_paragraph(std::size_t i) { return paragraph(i, false, {}); }
  std::string en_paragraph(std::size_t i) { return paragraph(i, true, {}); }

  std::string item_text(std::size_t i) {
    std::uint32_t r = rng_.below(100);
    if (r < 40) return rng_.pick(kShortItems);
    if (r < 80) return fill(rng_.pick(kKoMention), i);
    return fill(rng_.pick(kEnMention), i);
  }

  std::string bullet_list(std::size_t i) {
    std::string out;
    std::uint32_t n = rng_.range(2, 5);
    const char* marker = rng_.chance(80) ? "- " : "* ";
    for (std::uint32_t k = 0; k < n; ++k) {
      out += marker;
      if (rng_.chance(50)) out += std::string(rng_.pick(kTerms)) + ": ";
      out += item_text(i) + "\n";
      if (rng_.chance(15)) out += std::string("    ") + marker + rng_.pick(kShortItems) + "\n";
    }
    return out + "\n";
  }

  std::string ordered_list(std::size_t i) {
    std::string out;
    std::uint32_t n = rng_.range(2, 4);
    for (std::uint32_t k = 0; k < n; ++k) out += std::to_string(k + 1) + ". " + item_text(i) + "\n";
    return out + "\n";
  }

  std::string alias_items(std::size_t i) {
    const Service& s = services_[i];
    std::string out = "- 별칭: " + s.ko;
    if (!s.acronym.empty()) out += ", " + s.acronym;
    out += "\n- 카테고리: " + std::string(cats_[s.category].name) + "\n";
    out += "- 관련 서비스: " + mention(other(i)) + ", " + mention(other(i)) + "\n\n";
    return out;
  }

  std::string blockquote(std::size_t i) {
    const Service& s = services_[i];
    std::string out = "> " + std::string(rng_.pick(kTerms)) + ": ";
    if (rng_.chance(50)) out += "[" + s.short_ + "](https://en.wikipedia.org/wiki/" + s.slug + ")\n> ";
    out += fill(rng_.pick(kKoMention), i) + "\n";
    if (rng_.chance(30)) out += ">\n> " + std::string(rng_.pick(kKoPlain)) + "\n";
    out += "\n";
    return out;
  }

  std::string code_block(std::size_t i) {
    const Service& s = services_[i];
    std::string id = lower(s.acronym.empty() ? s.slug : s.acronym);
    std::string out;
    if (rng_.chance(60)) {
      out += "```bash\n";
      out += "aws " + id + " create-" + rng_.pick(kThings) + " --name demo-" + std::to_string(i + 1) +
             " --region ap-northeast-2\n";
      out += "aws " + id + " " + rng_.pick(kVerbs) + "-" + rng_.pick(kThings) + "s --query 'Items[*].Status'\n";
      out += "```\n\n";
    } else {
      const Service& o = services_[other(i)];
      out += "```json\n{\n  \"Service\": \"" + s.label + "\",\n  \"Region\": \"ap-northeast-2\",\n";
      out += "  \"IntegratesWith\": [\"" + (o.acronym.empty() ? o.label : o.acronym) + "\"]\n}\n```\n\n";
    }
    return out;
  }

  std::string small_table(std::size_t i) {
    std::string out = "| 항목 | 설명 |\n|---|---|\n";
    out += "| 요금 | 사용량 기반 과금 |\n";
    out += "| 연동 | " + mention(other(i)) + " |\n";
    out += "| 가용성 | 다중 AZ |\n\n";
    return out;
  }

  Rng rng_;
  std::uint64_t target_;
  std::vector<Category> cats_;
  std::vector<Service> services_;
  std::vector<bool> group_start_;
};

[[noreturn]] void usage(int rc) {
  std::fprintf(rc ? stderr : stdout,
               "usage: gen-notes --size-mb N [--out FILE] [--split DIR] [--aliases FILE] [--seed S]\n"
               "  --size-mb N   corpus size in MB (1 MB = 1,000,000 bytes; decimals allowed)\n"
               "  --out FILE    write the corpus as one Markdown file\n"
               "  --split DIR   write the same corpus as one file per service (DIR is created)\n"
               "  --aliases FILE  write the Korean aliases as a notegraph alias table (ALIAS<TAB>NAME)\n"
               "  --seed S      PRNG seed (default 20240917); same arguments = same bytes\n"
               "  --service-bytes B  average bytes per service (default 10000: 100 MB = 10,000 services)\n");
  std::exit(rc);
}

bool write_file(const std::string& path, const std::string& text) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return false;
  bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  return std::fclose(f) == 0 && ok;
}

}  // namespace

int main(int argc, char** argv) {
  double size_mb = -1;
  std::string out_path, split_dir, alias_path;
  std::uint64_t seed = 20240917;
  std::uint64_t service_bytes = 10000;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    auto value = [&]() -> const char* {
      if (i + 1 >= argc) usage(2);
      return argv[++i];
    };
    if (a == "--size-mb") size_mb = std::strtod(value(), nullptr);
    else if (a == "--out") out_path = value();
    else if (a == "--split") split_dir = value();
    else if (a == "--aliases") alias_path = value();
    else if (a == "--seed") seed = std::strtoull(value(), nullptr, 10);
    else if (a == "--service-bytes") service_bytes = std::strtoull(value(), nullptr, 10);
    else if (a == "-h" || a == "--help") usage(0);
    else usage(2);
  }
  if (size_mb <= 0 || service_bytes < 100 || (out_path.empty() && split_dir.empty() && alias_path.empty())) usage(2);

  const std::uint64_t target = static_cast<std::uint64_t>(size_mb * 1e6 + 0.5);
  Generator gen(seed, target, service_bytes);

  FILE* single = nullptr;
  if (!out_path.empty() && !(single = std::fopen(out_path.c_str(), "wb"))) {
    std::fprintf(stderr, "gen-notes: cannot write %s: %s\n", out_path.c_str(), std::strerror(errno));
    return 1;
  }
  if (!split_dir.empty() && ::mkdir(split_dir.c_str(), 0777) != 0 && errno != EEXIST) {
    std::fprintf(stderr, "gen-notes: cannot create %s: %s\n", split_dir.c_str(), std::strerror(errno));
    return 1;
  }

  std::uint64_t single_bytes = 0, split_bytes = 0;
  bool ok = true;
  auto emit = [&](const std::string& s) {
    if (single) ok &= std::fwrite(s.data(), 1, s.size(), single) == s.size();
    single_bytes += s.size();
  };
  auto emit_split = [&](const std::string& name, const std::string& s) {
    if (split_dir.empty()) return;
    if (!write_file(split_dir + "/" + name, s)) {
      std::fprintf(stderr, "gen-notes: cannot write %s/%s\n", split_dir.c_str(), name.c_str());
      std::exit(1);
    }
    split_bytes += s.size();
  };

  const std::string pre = gen.preamble(), open = Generator::details_open(), close = Generator::details_close(),
                    tail = Generator::closing();
  emit(pre);
  emit(open);
  emit_split("000000-overview.md", pre + tail);

  const std::size_t n = gen.service_count();
  const std::uint64_t fixed_tail = close.size() + tail.size();
  char name[64];
  for (std::size_t i = 0; i < n; ++i) {
    std::string heading = std::string("## ") + gen.category_name(i) + "\n\n";
    if (gen.group_starts(i)) emit(heading);
    heading = "# AWS 서비스\n\n" + heading;
    // Spread what is left evenly over the remaining services, with jitter.
    std::uint64_t used = single_bytes + fixed_tail;
    std::uint64_t left = gen.target() > used ? gen.target() - used : 0;
    std::uint64_t even = left / (n - i);
    std::uint64_t budget = i + 1 == n ? left : even * gen.rng().range(60, 140) / 100;
    std::string sec = gen.section(i, budget);
    emit(sec);
    std::snprintf(name, sizeof name, "%06zu-", i + 1);
    emit_split(name + gen.service(i).slug + ".md", heading + sec);
  }
  emit(close);
  emit(tail);
  if (single) {
    ok &= std::fclose(single) == 0;
    if (!ok) {
      std::fprintf(stderr, "gen-notes: write error on %s\n", out_path.c_str());
      return 1;
    }
  }
  if (!alias_path.empty()) {
    std::string tsv = "# Korean aliases of the services in the gen-notes corpus (size " + std::to_string(target) +
                      " bytes, seed " + std::to_string(seed) + ")\n";
    for (std::size_t i = 0; i < n; ++i) tsv += gen.service(i).ko + "\t" + gen.service(i).label + "\n";
    if (!write_file(alias_path, tsv)) {
      std::fprintf(stderr, "gen-notes: cannot write %s\n", alias_path.c_str());
      return 1;
    }
  }
  std::fprintf(stderr, "gen-notes: seed %" PRIu64 ", %zu services, %" PRIu64 " bytes", seed, n, single_bytes);
  if (!split_dir.empty()) std::fprintf(stderr, "; split: %zu files, %" PRIu64 " bytes", n + 1, split_bytes);
  std::fprintf(stderr, "\n");
  return 0;
}
