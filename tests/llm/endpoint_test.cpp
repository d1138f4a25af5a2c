#include "chimera/llm/endpoint.hpp"

#include <gtest/gtest.h>

namespace chimera::llm {
namespace {

std::string norm(std::string_view text) {
  auto r = normalize_host(text);
  return r ? *r : "error: " + r.error().message;
}

TEST(NormalizeHost, FollowsOllamaHostRules) {
  EXPECT_EQ(norm("example.com"), "http://example.com:11434");
  EXPECT_EQ(norm("example.com:8080"), "http://example.com:8080");
  EXPECT_EQ(norm("http://example.com"), "http://example.com:80");
  EXPECT_EQ(norm("https://example.com"), "https://example.com:443");
  EXPECT_EQ(norm("https://example.com:9443/"), "https://example.com:9443");
  EXPECT_EQ(norm("0.0.0.0"), "http://127.0.0.1:11434");
  EXPECT_EQ(norm("0.0.0.0:5000"), "http://127.0.0.1:5000");
  EXPECT_EQ(norm("[::1]:8080"), "http://[::1]:8080");
  EXPECT_EQ(norm("http://proxy/ollama"), "http://proxy:80/ollama");
}

TEST(NormalizeHost, ReadsAnEmptyHostAsTheLocalHost) {
  EXPECT_EQ(norm(":11434"), "http://127.0.0.1:11434");
  EXPECT_EQ(norm("http://:8080"), "http://127.0.0.1:8080");
}

TEST(NormalizeHost, BracketsABareIpv6Address) {
  EXPECT_EQ(norm("::1"), "http://[::1]:11434");
  EXPECT_EQ(norm("[::1]"), "http://[::1]:11434");
  EXPECT_EQ(norm("https://[fe80::1]:9000/api/"), "https://[fe80::1]:9000/api");
}

TEST(NormalizeHost, TrimsSpaceAndLowersTheScheme) {
  EXPECT_EQ(norm("  HTTP://Example.com:81/  "), "http://Example.com:81");
}

TEST(NormalizeHost, RejectsBadInput) {
  EXPECT_FALSE(normalize_host(""));
  EXPECT_FALSE(normalize_host("ftp://x"));
  EXPECT_FALSE(normalize_host("host:99999"));
  EXPECT_FALSE(normalize_host("host:abc"));
  EXPECT_FALSE(normalize_host("   "));
  EXPECT_FALSE(normalize_host("[::1"));
}

// "http://user:pass@host:port" was misparsed as a bare IPv6 address and printed whole.
TEST(ParseEndpoint, KeepsUserinfoOutOfTheUrl) {
  const auto e = parse_endpoint("http://user:s3cret@127.0.0.1:8080/ollama");
  ASSERT_TRUE(e) << e.error().message;
  EXPECT_EQ(e->url, "http://127.0.0.1:8080/ollama");
  EXPECT_EQ(e->user, "user");
  EXPECT_EQ(e->password, "s3cret");
}

TEST(ParseEndpoint, DecodesPercentEscapesAndTakesTheLastAt) {
  const auto e = parse_endpoint("https://me%40corp:p%3As@ss@[::1]:9443");
  ASSERT_TRUE(e) << e.error().message;
  EXPECT_EQ(e->url, "https://[::1]:9443");
  EXPECT_EQ(e->user, "me@corp");
  EXPECT_EQ(e->password, "p:s@ss");
  const auto bare = parse_endpoint("token@gpu-box");
  ASSERT_TRUE(bare);
  EXPECT_EQ(bare->url, "http://gpu-box:11434");
  EXPECT_EQ(bare->user, "token");
  EXPECT_EQ(bare->password, "");
}

TEST(ParseEndpoint, ErrorsNeverQuoteThePassword) {
  for (const char* text : {"http://u:s3cret@host:99999", "http://u:s3cret@[::1", "u:s3cret@"}) {
    const auto e = parse_endpoint(text);
    ASSERT_FALSE(e) << text;
    EXPECT_EQ(e.error().message.find("s3cret"), std::string::npos) << e.error().message;
  }
}

TEST(ParseEndpoint, BasicAuthorizationIsBase64OfUserColonPassword) {
  EXPECT_EQ(basic_authorization("user", "s3cret"), "Authorization: Basic dXNlcjpzM2NyZXQ=");
  EXPECT_EQ(basic_authorization("Aladdin", "open sesame"),
            "Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
  EXPECT_EQ(basic_authorization("a", ""), "Authorization: Basic YTo=");
}

}  // namespace
}  // namespace chimera::llm
