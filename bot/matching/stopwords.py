"""Spanish function words that say nothing about the topic of a question (already accent-folded)."""

_WORDS = """
a al algo algun alguna algunas alguno algunos ante antes asi aun bien cada como con contra cual
cuales de del desde donde dos e el ella ellas ellos en entre era eres es esa esas ese eso esos esta
estaba estan estar estas este esto estos estoy fue fueron ha hace hacer han has hasta hay he la las
le les lo los mas me mi mis mucho muy nada ni nos nosotros o os otra otras otro otros para pero poco
por porque pues que quien quiero quisiera se sea ser si sobre solo son soy su sus tambien tan
tanto te tengo ti tiene tienen todo todos tu tus un una unas uno unos usted ustedes va vez y ya yo
hola buenas buenos dias tardes noches favor gracias oiga oye disculpe pregunta saber
"""

STOPWORDS = frozenset(_WORDS.split())
