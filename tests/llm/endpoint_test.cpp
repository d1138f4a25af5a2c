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

}  // namespace
}  // namespace chimera::llm
