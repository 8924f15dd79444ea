package dev.switchboard.gateway.demo;

import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;

/**
 * Generates customers that look like a Korean contact center's book: Korean names in Hangul with
 * local phone formats, international customers with +1/+44/+81 numbers, tiers, values, tags and
 * owners. Every 25th customer shares a phone with the one before (a household line), so lookups
 * by phone exercise the pick-list. Deterministic for a seed; phones are written as people type
 * them (normalization is the directory's job).
 */
public final class DemoCustomers {

  /** The CSV header matching {@link #csvRow(long)}, in the import format. */
  public static final String CSV_HEADER =
      "id,name,tier,lifetime_value,tags,language,account_owner,notes,phones,emails,visitor_ids,crm_id,attr.city";

  private static final String[] KOREAN_SURNAMES = {"김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오"};
  private static final String[] KOREAN_SURNAMES_LATIN = {"kim", "lee", "park", "choi", "jung", "kang", "cho", "yoon", "jang", "lim", "han", "oh"};
  private static final String[] KOREAN_GIVEN = {"민지", "서준", "지우", "하윤", "도윤", "서연", "예준", "지민", "수아", "현우", "지호", "유진"};
  private static final String[] KOREAN_GIVEN_LATIN = {"minji", "seojun", "jiwoo", "hayoon", "doyoon", "seoyeon", "yejun", "jimin", "sua", "hyunwoo", "jiho", "yujin"};
  private static final String[] WESTERN_FIRST = {"Emma", "Liam", "Olivia", "Noah", "Ava", "James", "Sophia", "Lucas", "Mia", "Ethan"};
  private static final String[] WESTERN_LAST = {"Smith", "Johnson", "Brown", "Taylor", "Wilson", "Davies", "Evans", "Walker", "Clarke", "Wright"};
  private static final String[] JAPANESE_FIRST = {"Haruto", "Yui", "Sota", "Hina", "Ren", "Aoi"};
  private static final String[] JAPANESE_LAST = {"Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito"};
  private static final String[] DOMAINS = {"example.com", "mail.example.kr", "example.net", "shop.example.org"};
  private static final String[] TAGS = {"newsletter", "mobile-app", "returning", "b2b", "complaint-2025", "loyalty", "beta"};
  private static final String[] KOREAN_CITIES = {"Seoul", "Busan", "Incheon", "Daegu", "Daejeon", "Gwangju"};
  /** 010-5xxx is partly unassigned in the numbering plan; the other leading digits are all valid. */
  private static final int[] MOBILE_FIRST_DIGITS = {2, 3, 4, 6, 7, 8, 9};
  private static final String[] US_AREAS = {"212", "415", "312", "617", "206"};

  private final long seed;

  public DemoCustomers(long seed) {
    this.seed = seed;
  }

  /** The customer with this number (0-based), as the fields of one import row. */
  public Map<String, String> fields(long number) {
    Random random = new Random(seed * 1_000_003L + number);
    String id = id(number);
    int kind = random.nextInt(10);
    Person person = kind < 6 ? korean(random) : kind < 9 ? western(random) : japanese(random);
    String phone = number % 25 == 24 ? phoneOf(number - 1) : person.phone;
    String tier = tier(random);
    return Map.ofEntries(
        Map.entry("id", id),
        Map.entry("name", person.name),
        Map.entry("tier", tier),
        Map.entry("lifetime_value", value(random, tier)),
        Map.entry("tags", pick(random, TAGS, random.nextInt(3))),
        Map.entry("language", person.language),
        Map.entry("account_owner", tier.equals("vip") || tier.equals("gold") ? "agent-" + (1 + random.nextInt(4)) : ""),
        Map.entry("notes", tier.equals("vip") ? "Prefers phone; escalate billing questions to the account owner." : ""),
        Map.entry("phones", phone),
        Map.entry("emails", person.email + number + "@" + DOMAINS[random.nextInt(DOMAINS.length)]),
        Map.entry("visitor_ids", random.nextInt(4) == 0 ? "v-" + Long.toHexString(seed ^ (number * 0x9E3779B97F4A7C15L)) : ""),
        Map.entry("crm_id", "CRM-" + (100_000 + number)),
        Map.entry("attr.city", person.city));
  }

  /** One CSV row in {@link #CSV_HEADER}'s order. */
  public String csvRow(long number) {
    Map<String, String> fields = fields(number);
    StringJoiner row = new StringJoiner(",");
    for (String column : CSV_HEADER.split(",")) {
      row.add(csvField(fields.get(column)));
    }
    return row.toString();
  }

  /** The phone as typed for customer {@code number}; the household line for every 25th. */
  public String phoneOf(long number) {
    return fields(number).get("phones");
  }

  public static String id(long number) {
    return String.format("cust-%07d", number);
  }

  private static Person korean(Random random) {
    int surname = random.nextInt(KOREAN_SURNAMES.length);
    int given = random.nextInt(KOREAN_GIVEN.length);
    String phone = random.nextInt(5) == 0
        ? String.format("02-%d%02d-%04d", 2 + random.nextInt(8), random.nextInt(100), random.nextInt(10_000))
        : String.format("010-%d%03d-%04d", MOBILE_FIRST_DIGITS[random.nextInt(MOBILE_FIRST_DIGITS.length)],
            random.nextInt(1000), random.nextInt(10_000));
    return new Person(KOREAN_SURNAMES[surname] + KOREAN_GIVEN[given],
        KOREAN_GIVEN_LATIN[given] + "." + KOREAN_SURNAMES_LATIN[surname], phone, "ko",
        KOREAN_CITIES[random.nextInt(KOREAN_CITIES.length)]);
  }

  private static Person western(Random random) {
    String first = WESTERN_FIRST[random.nextInt(WESTERN_FIRST.length)];
    String last = WESTERN_LAST[random.nextInt(WESTERN_LAST.length)];
    boolean uk = random.nextBoolean();
    String phone = uk
        ? String.format("+44 20 7%03d %04d", random.nextInt(1000), random.nextInt(10_000))
        : String.format("+1 %s-%d%02d-%04d", US_AREAS[random.nextInt(US_AREAS.length)],
            2 + random.nextInt(8), 10 + random.nextInt(40), random.nextInt(10_000));
    return new Person(first + " " + last, first.toLowerCase() + "." + last.toLowerCase(), phone, "en",
        uk ? "London" : "New York");
  }

  private static Person japanese(Random random) {
    String first = JAPANESE_FIRST[random.nextInt(JAPANESE_FIRST.length)];
    String last = JAPANESE_LAST[random.nextInt(JAPANESE_LAST.length)];
    String phone = String.format("+81 90-%04d-%04d", 1000 + random.nextInt(9000), random.nextInt(10_000));
    return new Person(last + " " + first, first.toLowerCase() + "." + last.toLowerCase(), phone, "ja", "Tokyo");
  }

  private static String tier(Random random) {
    int roll = random.nextInt(100);
    return roll < 70 ? "standard" : roll < 88 ? "silver" : roll < 97 ? "gold" : "vip";
  }

  private static String value(Random random, String tier) {
    int base = switch (tier) {
      case "vip" -> 50_000;
      case "gold" -> 10_000;
      case "silver" -> 2_000;
      default -> 100;
    };
    return (base + random.nextInt(base * 2)) + "." + String.format("%02d", random.nextInt(100));
  }

  private static String pick(Random random, String[] pool, int count) {
    StringJoiner chosen = new StringJoiner("|");
    int start = random.nextInt(pool.length);
    for (int i = 0; i < count; i++) {
      chosen.add(pool[(start + i) % pool.length]);
    }
    return chosen.toString();
  }

  private static String csvField(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  private record Person(String name, String email, String phone, String language, String city) {}
}
