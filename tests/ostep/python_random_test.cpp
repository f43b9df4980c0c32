// Every expected value below was printed by python3 (3.11.7) on the
// development machine; the command that printed it is written above it.
#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "ostep/python_random.hpp"

namespace {

ostep::PythonRandom seeded(const char* seed_text) {
  const auto seed = ostep::parsePythonInt(seed_text);
  REQUIRE(seed.has_value());
  return ostep::PythonRandom(*seed);
}

std::vector<double> randoms(ostep::PythonRandom& random, int count) {
  std::vector<double> values;
  for (int i = 0; i < count; ++i) values.push_back(random.random());
  return values;
}

}  // namespace

TEST_CASE("random() after seed 0 gives Python's first numbers", "[ostep][random]") {
  // python3 -c "import random; random.seed(0); print([random.random() for _ in range(3)])"
  ostep::PythonRandom random(0);
  CHECK(randoms(random, 3) == std::vector<double>{0.8444218515250481, 0.7579544029403025, 0.420571580830845});
}

TEST_CASE("random() after a small seed gives Python's numbers", "[ostep][random]") {
  // python3 -c "import random; random.seed(5); print([random.random() for _ in range(3)])"
  ostep::PythonRandom random(5);
  CHECK(randoms(random, 3) == std::vector<double>{0.6229016948897019, 0.7417869892607294, 0.7951935655656966});
}

TEST_CASE("a negative seed seeds as its absolute value", "[ostep][random]") {
  // python3 -c "import random; random.seed(-5); print([random.random() for _ in range(3)])"
  ostep::PythonRandom random(-5);
  CHECK(randoms(random, 3) == std::vector<double>{0.6229016948897019, 0.7417869892607294, 0.7951935655656966});
}

TEST_CASE("seeds above 2^32 seed with every 32-bit word", "[ostep][random]") {
  SECTION("2^32: the words 0 and 1") {
    // python3 -c "import random; random.seed(4294967296); print([random.random() for _ in range(2)])"
    ostep::PythonRandom random(std::int64_t{1} << 32);
    CHECK(randoms(random, 2) == std::vector<double>{0.11299430095636409, 0.41782886486292836});
  }
  SECTION("2^40 + 7") {
    // python3 -c "import random; random.seed(2**40+7); print([random.random() for _ in range(3)])"
    ostep::PythonRandom random((std::int64_t{1} << 40) + 7);
    CHECK(randoms(random, 3) == std::vector<double>{0.6137037779936511, 0.8149162973309487, 0.9450115087592873});
  }
  SECTION("2^64, beyond 64-bit integers") {
    // python3 -c "import random; random.seed(2**64); print([random.random() for _ in range(2)])"
    auto random = seeded("18446744073709551616");
    CHECK(randoms(random, 2) == std::vector<double>{0.9776462743838505, 0.3711105964481608});
  }
  SECTION("a 77-bit seed") {
    // python3 -c "import random; random.seed(12345678901234567890123); print([random.random() for _ in range(3)])"
    auto random = seeded("12345678901234567890123");
    CHECK(randoms(random, 3) == std::vector<double>{0.15803717805068784, 0.9863365111874665, 0.13242015726274725});
  }
}

TEST_CASE("getrandbits cuts the last word to the bits asked for", "[ostep][random]") {
  SECTION("1 to 64 bits, and 0 draws nothing") {
    // python3 -c "import random; random.seed(0); print([random.getrandbits(k) for k in (1,7,32,33,64,0)])"
    ostep::PythonRandom random(0);
    const std::vector<std::uint64_t> got{random.getrandbits(1), random.getrandbits(7), random.getrandbits(32),
                                         random.getrandbits(33), random.getrandbits(64), random.getrandbits(0)};
    CHECK(got == std::vector<std::uint64_t>{1, 49, 3255389356U, 3823568514U, 4776171008201404212U, 0});
  }
  SECTION("64 bits twice") {
    // python3 -c "import random; random.seed(1); print([random.getrandbits(64) for _ in range(2)])"
    ostep::PythonRandom random(1);
    CHECK(random.getrandbits(64) == 10499958131665514997U);
    CHECK(random.getrandbits(64) == 14799178230035213023U);
  }
}

TEST_CASE("randint over a die's range rejects like Python", "[ostep][random]") {
  // python3 -c "import random; random.seed(3); print([random.randint(1,6) for _ in range(10)])"
  ostep::PythonRandom random(3);
  std::vector<std::int64_t> rolls;
  for (int i = 0; i < 10; ++i) rolls.push_back(random.randint(1, 6));
  CHECK(rolls == std::vector<std::int64_t>{2, 5, 5, 2, 3, 5, 4, 6, 5, 1});
}

TEST_CASE("randint over ranges wider than 32 bits", "[ostep][random]") {
  SECTION("-10^15 .. 10^15") {
    // python3 -c "import random; random.seed(3); print([random.randint(-10**15, 10**15) for _ in range(4)])"
    ostep::PythonRandom random(3);
    std::vector<std::int64_t> got;
    for (int i = 0; i < 4; ++i) got.push_back(random.randint(-1'000'000'000'000'000, 1'000'000'000'000'000));
    CHECK(got == std::vector<std::int64_t>{334507490459645, -706312093820086, 67473765564669, 307961963000998});
  }
  SECTION("the whole 64-bit range draws 65 bits") {
    // python3 -c "import random; random.seed(9); print([random.randint(-2**63, 2**63-1) for _ in range(3)])"
    ostep::PythonRandom random(9);
    std::vector<std::int64_t> got;
    for (int i = 0; i < 3; ++i) got.push_back(random.randint(INT64_MIN, INT64_MAX));
    CHECK(got == std::vector<std::int64_t>{2088452442651338350, -6667770931565106180, 3258498773874573141});
  }
}

TEST_CASE("randrange draws from start up to stop, stop excluded", "[ostep][random]") {
  SECTION("0 .. 9") {
    // python3 -c "import random; random.seed(0); print([random.randrange(10) for _ in range(8)])"
    ostep::PythonRandom random(0);
    std::vector<std::int64_t> got;
    for (int i = 0; i < 8; ++i) got.push_back(random.randrange(0, 10));
    CHECK(got == std::vector<std::int64_t>{6, 6, 0, 4, 8, 7, 6, 4});
  }
  SECTION("0 .. 2^63 - 2: 63 bits a draw") {
    // python3 -c "import random; random.seed(3); print([random.randrange(0, 2**63-1) for _ in range(3)])"
    ostep::PythonRandom random(3);
    CHECK(random.randrange(0, INT64_MAX) == 5466147605252358141);
    CHECK(random.randrange(0, INT64_MAX) == 1202937964474309450);
    CHECK(random.randrange(0, INT64_MAX) == 8448099766859293092);
  }
  SECTION("an empty range is refused") {
    ostep::PythonRandom random(0);
    CHECK_THROWS_AS(random.randrange(4, 4), std::invalid_argument);
    CHECK_THROWS_AS(random.randint(5, 4), std::invalid_argument);
  }
}

TEST_CASE("shuffle and choice draw as Python's do", "[ostep][random]") {
  // python3 -c "import random; random.seed(7); x=list(range(6)); random.shuffle(x); print(x, random.choice([10,20,30]))"
  ostep::PythonRandom random(7);
  std::vector<int> items{0, 1, 2, 3, 4, 5};
  random.shuffle(items);
  CHECK(items == std::vector<int>{4, 0, 5, 3, 1, 2});
  const std::vector<int> choices{10, 20, 30};
  CHECK(random.choice(std::span<const int>(choices)) == 10);
}
