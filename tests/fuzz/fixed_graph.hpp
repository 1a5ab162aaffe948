// The small fixed dataset the `query_engine` target queries: a notes file
// (services, categories, terms, mentions and relations, each file's triples
// in its named graph) and a Turtle default graph with typed, language-tagged
// and blank-node terms, so that every operator and function has data to act on.
#pragma once

#include <string_view>

namespace ng::fuzz {

inline constexpr std::string_view kFixedNotes = R"(---
title: 고정 그래프
tags: [aws, fuzz]
level:: 3
---
# AWS 서비스

## Compute

### Amazon Elastic Compute Cloud (EC2)

클라우드의 가상 서버. EC2는 Amazon VPC 기반으로 실행되며 EBS와 통합된다.

- 인스턴스: EC2의 가상 서버 하나
- AMI: 인스턴스를 만드는 이미지

### AWS Lambda

서버 없이 코드를 실행한다. Lambda는 Amazon S3와 함께 사용된다. See [[Network]] and [docs](https://aws.amazon.com/lambda/).

## Network

### Amazon Virtual Private Cloud (VPC)

전용 가상 네트워크. EC2와 호환된다.

## Storage

### Amazon Simple Storage Service (S3)

객체 스토리지. *Lambda* 와 통합. | a | b |

| 서비스 | 설명 |
|---|---|
| S3 | EC2 에서 쓰는 저장소 |

> VPC 안의 EC2 인스턴스
)";

inline constexpr std::string_view kFixedTurtle = R"(
@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:a ex:p 1, 2.5, 3.0e1, -7, "10"^^xsd:integer, "x"^^xsd:integer ;
  ex:q "hello"@en, "안녕"@ko, "plain", true, "2024-02-29T12:00:00Z"^^xsd:dateTime, "2024-01-01"^^xsd:date ;
  ex:r ex:b, _:n1 ;
  rdfs:label "A" .
ex:b ex:p 2 ; ex:r ex:c ; ex:q "HELLO"@en-GB ; rdfs:label "B"@en .
ex:c ex:p "NaN"^^xsd:double ; ex:r ex:a ; ex:q "ça va" .
_:n1 ex:p 0 ; ex:q "" ; ex:r [ ex:p 4 ; ex:r ( ex:a ex:b ) ] .
ex:d ex:list ( 1 "two" ex:c ) ; ex:p "12345678901234567890"^^xsd:integer, "INF"^^xsd:double, "0.1"^^xsd:decimal .
)";

}  // namespace ng::fuzz
